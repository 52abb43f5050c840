package io.jamboree.author.internal;

import io.jamboree.core.ChainParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The built-in dev genesis of a chain: for tiny, the genesis of the public block-import traces
 * ({@code jam-test-vectors-0.7.2/traces/fallback/genesis.bin}, resource {@code genesis-tiny.bin}), whose six
 * validators are the JIP-5 dev validators 0–5 (Alice … Fergie, {@code jam-docs/dev-accounts.md}).
 */
public final class DevGenesis {
    private DevGenesis() {}

    /** The built-in genesis of the chain {@code p}, if there is one. */
    public static Optional<TraceFormat.Genesis> builtIn(ChainParams p) {
        if (!p.name().equals("tiny")) {
            return Optional.empty();
        }
        try (InputStream in = DevGenesis.class.getResourceAsStream("genesis-tiny.bin")) {
            if (in == null) {
                throw new IllegalStateException("the resource genesis-tiny.bin is missing from the jam-author bundle");
            }
            return Optional.of(TraceFormat.decodeGenesis(in.readAllBytes(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
