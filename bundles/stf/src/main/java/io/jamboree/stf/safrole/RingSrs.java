package io.jamboree.stf.safrole;

import io.jamboree.bls.Srs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The KZG structured reference string of the Bandersnatch ring VRF (GP Appendix G: the ring root
 * {@code commit} of eq. 6.13 and the ring proofs of eq. 6.29): powers of tau on BLS12-381 from the
 * Zcash ceremony, as shipped with the Bandersnatch VRF specification. It is protocol data, so the node
 * carries it: the resource {@value #RESOURCE} beside this class (compressed points; origin and hashes in
 * the {@code .txt} file next to it), whose SHA-256 is checked on every load. The system property
 * {@value #PROPERTY} may name another file in the Zcash layout (compressed or uncompressed points).
 */
public final class RingSrs {
    /** The bundled SRS, a resource in this class's package. */
    public static final String RESOURCE = "zcash-srs-2-11-compressed.bin";
    /** SHA-256 of {@link #RESOURCE} (hex). */
    public static final String SHA256 = "bd260d27ed44c623de52a7b9fa3c5b6bb0cedf57a21055e886d48e91ffb1e5fc";
    /** System property naming an SRS file to use instead of the bundled one. */
    public static final String PROPERTY = "jam.srs";
    /** Whether the SRS in use is the bundled one (no {@value #PROPERTY} file given). */
    public static boolean isBundled() {
        String file = System.getProperty(PROPERTY);
        return file == null || file.isBlank();
    }

    private RingSrs() {}

    /**
     * The SRS with its first {@code maxG1} G1 powers: from the file named by {@value #PROPERTY} if set,
     * else the bundled resource (verified against {@link #SHA256}).
     *
     * @throws IllegalStateException if the bundled resource is missing or its hash does not match
     * @throws UncheckedIOException if the file named by {@value #PROPERTY} cannot be read
     */
    public static Srs load(int maxG1) {
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file), maxG1);
        }
        return parse(bundledBytes(), maxG1);
    }

    /** The SRS of a Zcash-layout file (compressed or uncompressed points), first {@code maxG1} G1 powers. */
    public static Srs fromFile(Path file, int maxG1) {
        try {
            return parse(Files.readAllBytes(file), maxG1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SRS " + file + " (-D" + PROPERTY + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an SRS in the Zcash layout: " + file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of the bundled resource, after checking their SHA-256 against {@link #SHA256}. */
    public static byte[] bundledBytes() {
        byte[] b;
        try (InputStream in = RingSrs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the SRS resource " + RESOURCE + " is missing from the jam-stf bundle");
            }
            b = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SRS resource " + RESOURCE, e);
        }
        return verified(b, SHA256, RESOURCE);
    }

    /** {@code b} if its SHA-256 is {@code expectedHex}; else an error naming both hashes. */
    static byte[] verified(byte[] b, String expectedHex, String what) {
        String actual;
        try {
            actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
        if (!actual.equals(expectedHex)) {
            throw new IllegalStateException("SRS " + what + " is corrupt: SHA-256 " + actual + ", expected " + expectedHex);
        }
        return b;
    }

    /** Parses either point encoding: the compression flag of the first G1 point (after the count) tells. */
    static Srs parse(byte[] b, int maxG1) {
        if (b.length < 9) {
            throw new IllegalArgumentException("SRS too short: " + b.length + " bytes");
        }
        return (b[8] & 0x80) != 0 ? Srs.parseCompressed(b, maxG1) : Srs.parse(b, maxG1, false);
    }
}
