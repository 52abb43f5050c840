package io.jamboree.chainspec.internal;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.ChainSpecs;
import io.jamboree.core.ChainParams;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/** The {@link ChainSpecs} service: {@link DevGenesis} and {@link ChainSpecJson}. */
@Component(service = ChainSpecs.class)
public final class ChainSpecsComponent implements ChainSpecs {

    @Override
    public ChainSpec dev(ChainParams params) {
        return DevGenesis.spec(params);
    }

    @Override
    public ChainSpec read(Path file) {
        return ChainSpecJson.read(file);
    }

    @Override
    public ChainSpec parse(String json, String source) {
        return ChainSpecJson.parse(json, source);
    }

    @Override
    public String write(ChainSpec spec) {
        return ChainSpecJson.write(spec);
    }
}
