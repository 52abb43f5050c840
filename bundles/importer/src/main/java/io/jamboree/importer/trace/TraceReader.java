package io.jamboree.importer.trace;

import io.jamboree.core.ChainParams;
import java.nio.file.Path;

/**
 * Reads block-import trace files (jam-test-vectors {@code traces/schema.asn}): {@link TraceStep} and
 * {@link Genesis}, in the binary codec of GP Appendix C ({@code .bin}) or in the vectors' JSON ({@code .json}); a
 * genesis may also be a JIP-4 chain spec ({@code genesis_header}, {@code genesis_state}). Errors name the file and,
 * for JSON, the path, line and column. Registered as an OSGi service by the importer bundle: the one trace reader
 * of {@code jam import}, {@code jam fuzz-replay} and the author.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TraceReader {

    /** The step in {@code file}, for chain {@code params}. */
    TraceStep step(Path file, ChainParams params) throws TraceFormatException;

    /** The genesis in {@code file}, for chain {@code params}. */
    Genesis genesis(Path file, ChainParams params) throws TraceFormatException;
}
