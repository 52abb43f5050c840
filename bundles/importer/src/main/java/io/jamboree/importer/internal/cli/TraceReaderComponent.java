package io.jamboree.importer.internal.cli;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.TraceFormatException;
import io.jamboree.importer.trace.TraceReader;
import io.jamboree.importer.trace.TraceStep;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/** The {@link TraceReader} service: {@link TraceFileReader} for the chain asked for. */
@Component(service = TraceReader.class)
public final class TraceReaderComponent implements TraceReader {

    @Override
    public TraceStep step(Path file, ChainParams params) throws TraceFormatException {
        return new TraceFileReader(params).step(file);
    }

    @Override
    public Genesis genesis(Path file, ChainParams params) throws TraceFormatException {
        return new TraceFileReader(params).genesis(file);
    }
}
