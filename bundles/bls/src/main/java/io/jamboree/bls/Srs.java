package io.jamboree.bls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A KZG structured reference string: powers of tau in G1 and the G2 points [1]G2, [tau]G2.
 * Loads the Zcash-encoded SRS file (crypto-notes "Ring commitment, as reproduced": an 8-byte LE
 * count, that many 96-byte uncompressed G1 points, an 8-byte LE count, then 192-byte uncompressed
 * G2 points).
 */
public final class Srs {
    private final G1[] g1;
    private final byte[][] g2Raw;

    private Srs(G1[] g1, byte[][] g2Raw) { this.g1 = g1; this.g2Raw = g2Raw; }

    /** Loads the file, keeping only the first {@code maxG1} G1 points (no subgroup checks: trusted file). */
    public static Srs load(Path file, int maxG1) throws IOException {
        return parse(Files.readAllBytes(file), maxG1, false);
    }

    /** Parses SRS bytes; optionally verifies every kept G1 point is in the subgroup. */
    public static Srs parse(byte[] b, int maxG1, boolean checkSubgroup) {
        int pos = 0;
        long n1 = readLong(b, pos); pos += 8;
        if (n1 < 1 || n1 > (b.length - 8) / 96) throw new IllegalArgumentException("bad G1 count " + n1);
        int keep = (int) Math.min(n1, maxG1);
        G1[] g1 = new G1[keep];
        for (int i = 0; i < keep; i++) g1[i] = G1.fromUncompressed(b, pos + 96 * i, checkSubgroup);
        pos += (int) (96 * n1);
        long n2 = readLong(b, pos); pos += 8;
        if (n2 < 2 || pos + 192 * n2 > b.length) throw new IllegalArgumentException("bad G2 count " + n2);
        byte[][] g2 = new byte[(int) n2][];
        for (int i = 0; i < n2; i++) g2[i] = Arrays.copyOfRange(b, pos + 192 * i, pos + 192 * (i + 1));
        return new Srs(g1, g2);
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }

    /** Number of G1 powers held. */
    public int g1Size() { return g1.length; }

    /** [tau^i]G1. */
    public G1 g1(int i) { return g1[i]; }

    /** The first n G1 powers (shared array; do not modify). */
    G1[] g1Powers() { return g1; }

    /** The i-th G2 point's 192-byte uncompressed Zcash encoding ([1]G2, [tau]G2). */
    public byte[] g2Bytes(int i) { return g2Raw[i].clone(); }
}
