package io.jamboree.chainspec;

import io.jamboree.core.ChainParams;
import java.nio.file.Path;

/**
 * Chain specifications (JIP-4) as a service: the dev chain of the JIP-5 dev validators (the jam-docs genesis
 * config: genesis state σ_0 and header H_0, GP §4 and Appendix D) and the JSON file format (errors name the JSON
 * path). Registered as an OSGi service by the chain-spec bundle.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ChainSpecs {

    /** The dev chain of {@code params}: its first V dev validators, genesis header and state. */
    ChainSpec dev(ChainParams params);

    /**
     * The chain spec in {@code file}.
     *
     * @throws ChainSpecException if the file cannot be read or is not a valid chain spec
     */
    ChainSpec read(Path file);

    /**
     * The chain spec in {@code json}; {@code source} names it in errors.
     *
     * @throws ChainSpecException if it is not a valid chain spec
     */
    ChainSpec parse(String json, String source);

    /** The JSON file of {@code spec}, which {@link #parse} reads back. */
    String write(ChainSpec spec);
}
