package io.jamboree.stf.internal;

import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.stf.safrole.RingSrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring commitment tables of the ring root O (GP Appendix G, §6.4 eq. 6.13) written to files at package time
 * and read back at run time, so that a fresh process skips the seconds of group FFT they cost (the Lagrange-basis
 * SRS and the constant columns per PLONK domain, {@link RingCommitment#exportTables}). They are derived from the
 * bundled SRS alone and generated, never kept in the repository: the distribution's build runs {@link #main} into
 * its {@code lib/} folder and {@code bin/jam} names that folder in the system property {@value #PROPERTY}.
 *
 * <p>A file {@code ring-tables-N.bin} per domain size N: the SHA-256 of the SRS it was derived from (32 bytes), the
 * SHA-256 of the tables (32 bytes), then the tables. A file that is missing, for another SRS, or corrupt is
 * ignored (logged) and the tables are built as without it.
 */
public final class RingTableFiles {
    /** System property: the folder holding {@code ring-tables-N.bin}. */
    public static final String PROPERTY = "jam.ringTables";
    /** Ring sizes the distribution ships tables for: tiny (6 validators, N = 512) and full (1023, N = 2048). */
    static final int[] RING_SIZES = {6, 1023};

    private static final Logger LOG = LoggerFactory.getLogger(RingTableFiles.class);
    private static final int HEADER = 64;

    private RingTableFiles() {}

    /** The file name of the tables for rings of this size. */
    public static String fileName(int ringSize) {
        return "ring-tables-" + RingCommitment.domainSize(ringSize) + ".bin";
    }

    /**
     * Loads into {@code commitment} (built over the bundled SRS) every table file found in the folder named by
     * {@value #PROPERTY}; nothing if the property is unset or the SRS in use is not the bundled one.
     *
     * @return the number of domains loaded
     */
    public static int loadConfigured(RingCommitment commitment) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank() || !RingSrs.isBundled()) {
            return 0;
        }
        int loaded = 0;
        for (int size : RING_SIZES) {
            Path file = Path.of(dir).resolve(fileName(size));
            if (Files.isRegularFile(file) && load(file, commitment)) {
                loaded++;
            }
        }
        return loaded;
    }

    /** Loads one table file into {@code commitment}; false (logged) if it is unreadable, for another SRS or corrupt. */
    static boolean load(Path file, RingCommitment commitment) {
        try {
            byte[] b = Files.readAllBytes(file);
            if (b.length <= HEADER) {
                throw new IllegalArgumentException("too short: " + b.length + " bytes");
            }
            byte[] srsHash = HexFormat.of().parseHex(RingSrs.SHA256);
            if (!Arrays.equals(b, 0, 32, srsHash, 0, 32)) {
                throw new IllegalArgumentException("derived from another SRS than the bundled one");
            }
            MessageDigest md = sha256();
            md.update(b, HEADER, b.length - HEADER);
            if (!Arrays.equals(b, 32, 64, md.digest(), 0, 32)) {
                throw new IllegalArgumentException("SHA-256 mismatch (corrupt file)");
            }
            commitment.importTables(Arrays.copyOfRange(b, HEADER, b.length));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ring tables {} not used, building them instead: {}", file, e.getMessage());
            return false;
        }
    }

    /** The bytes of a table file for rings of this size, built over the bundled SRS. */
    static byte[] build(RingCommitment commitment, int ringSize) {
        byte[] tables = commitment.exportTables(ringSize);
        byte[] out = new byte[HEADER + tables.length];
        System.arraycopy(HexFormat.of().parseHex(RingSrs.SHA256), 0, out, 0, 32);
        System.arraycopy(sha256().digest(tables), 0, out, 32, 32);
        System.arraycopy(tables, 0, out, HEADER, tables.length);
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    /**
     * Writes the table files for the tiny and full ring sizes into the folder given as the only argument (the
     * distribution's build step). Refuses to run with another SRS than the bundled one.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RingTableFiles OUTPUT-FOLDER");
            System.exit(2);
        }
        if (!RingSrs.isBundled()) {
            System.err.println("ring tables are shipped for the bundled SRS only (unset -D" + RingSrs.PROPERTY + ")");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        RingCommitment commitment = new RingCommitment(RingSrs.load(2048));
        for (int size : RING_SIZES) {
            long t0 = System.nanoTime();
            byte[] file = build(commitment, size);
            Path out = dir.resolve(fileName(size));
            Files.write(out, file);
            System.out.printf("%s: %,d bytes in %d ms%n", out, file.length, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
