package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a local testnet keeps in its data folder ({@code DIR/testnet.properties}) so that a restart with the same
 * folder resumes the same chain: the number of validators, the slot length, the genesis time (Unix ms of slot 0) and
 * the JAMNP-S alternative names of the dev validators (their bootnode names). The chain spec is {@code DIR/chain-spec.json}.
 *
 * @param validators   the dev validators 0..validators-1, one node each
 * @param slotMs       the slot length every node runs with
 * @param genesisMillis the wall-clock time of slot 0
 * @param altNames     the alternative name of dev validator i's Ed25519 key at index i
 */
record TestnetSetup(int validators, long slotMs, long genesisMillis, List<String> altNames) {
    static final String FILE = "testnet.properties";
    static final String SPEC = "chain-spec.json";

    TestnetSetup {
        altNames = List.copyOf(altNames);
        if (altNames.size() != validators) {
            throw new IllegalArgumentException(validators + " validators but " + altNames.size() + " names");
        }
    }

    /** Reads {@code DIR/testnet.properties}, or returns null when the folder holds no testnet yet. */
    static TestnetSetup read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        }
        try {
            int n = Integer.parseInt(p.getProperty("validators"));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = p.getProperty("altname." + i);
                if (name == null) {
                    throw new IOException(f + ": no altname." + i);
                }
                names.add(name);
            }
            return new TestnetSetup(n, Long.parseLong(p.getProperty("slot-ms")), Long.parseLong(p.getProperty("genesis-time")),
                    names);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException(f + ": not a testnet file (validators, slot-ms, genesis-time): " + e.getMessage(), e);
        }
    }

    /** Writes {@code DIR/testnet.properties}. */
    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("validators", Integer.toString(validators));
        p.setProperty("slot-ms", Long.toString(slotMs));
        p.setProperty("genesis-time", Long.toString(genesisMillis));
        for (int i = 0; i < validators; i++) {
            p.setProperty("altname." + i, altNames.get(i));
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "jam testnet: the chain of this folder (chain-spec.json); delete the folder for a new one");
        }
        Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
