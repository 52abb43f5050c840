package io.jamboree.stf.safrole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.bls.ring.RingCommitment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ring commitment tables the node carries ({@link RingSrs#bundledTables}) are exactly what jam-bls builds
 * from the bundled SRS, and a commitment engine that imports them commits like one that built its own.
 * {@link #main} regenerates them.
 */
class RingTablesTest {

    /** A ring of {@code size} keys: the Bandersnatch generator's encoding and all-zero (padding) keys, alternating. */
    private static List<byte[]> ring(int size) {
        byte[] g = io.jamboree.crypto.Bandersnatch.publicKey(new byte[32]);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            keys.add(i % 2 == 0 ? g : new byte[32]);
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 1023})
    void bundledTablesAreTheOnesBuiltFromTheBundledSrs(int ringSize) {
        int n = RingCommitment.domainSize(ringSize);
        byte[] bundled = RingSrs.bundledTables(n).orElseThrow(() -> new AssertionError("no bundled tables for N = " + n));
        RingCommitment built = new RingCommitment(RingSrs.load(n));
        assertArrayEquals(built.exportTables(ringSize), bundled, "tables for N = " + n);

        RingCommitment imported = new RingCommitment(RingSrs.load(n));
        imported.importTables(bundled);
        assertTrue(imported.isPrepared(ringSize));
        List<byte[]> keys = ring(ringSize);
        assertArrayEquals(built.commit(keys), imported.commit(keys), "commitment with imported tables");
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 2048})
    void bundledTablesHaveTheirLayout(int n) {
        byte[] b = RingSrs.bundledTables(n).orElseThrow();
        assertEquals(8 + 96 * (3 + n), b.length);
    }

    /** Writes {@code ring-tables-N.bin} for N = 512 and 2048 into the folder given (the resource folder) and prints their SHA-256. */
    public static void main(String[] args) throws IOException, java.security.NoSuchAlgorithmException {
        Path dir = Path.of(args[0]);
        for (int ringSize : new int[] {6, 1023}) {
            int n = RingCommitment.domainSize(ringSize);
            byte[] t = new RingCommitment(RingSrs.load(n)).exportTables(ringSize);
            Files.write(dir.resolve("ring-tables-" + n + ".bin"), t);
            System.out.println(n + " " + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(t)));
        }
    }
}
