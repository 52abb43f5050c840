package io.jamboree.bls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A KZG structured reference string: powers of tau in G1 and the G2 points [1]G2, [tau]G2.
 * Loads the Zcash-encoded SRS file (crypto-notes "Ring commitment, as reproduced": an 8-byte LE
 * count, that many 96-byte uncompressed G1 points, an 8-byte LE count, then 192-byte uncompressed
 * G2 points), or the same layout with the points in the Zcash compressed encoding (48-byte G1,
 * 96-byte G2), half the size.
 */
public final class Srs {
    /** The decoded G1 powers; in a compressed SRS filled on first use (G1 is immutable: a benign race). */
    private final G1[] g1;
    /** The compressed encodings of the G1 points kept (a compressed SRS), else null. */
    private final byte[] compressed;
    private final byte[][] g2Raw;

    private Srs(G1[] g1, byte[][] g2Raw) { this(g1, null, g2Raw); }

    private Srs(G1[] g1, byte[] compressed, byte[][] g2Raw) {
        this.g1 = g1;
        this.compressed = compressed;
        this.g2Raw = g2Raw;
    }

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

    /**
     * Parses SRS bytes in the compressed layout (an 8-byte LE count, that many 48-byte compressed G1
     * points, an 8-byte LE count, then 96-byte compressed G2 points), keeping the first {@code maxG1}
     * G1 points. A G1 point is decompressed on its first use (a square root each: the ring commitment
     * with precomputed Lagrange tables and the ring verifier need only the first); no G1 subgroup checks
     * (trusted input: check its hash first). The G2 points are checked fully.
     */
    public static Srs parseCompressed(byte[] b, int maxG1) {
        int pos = 0;
        if (b.length < 8) throw new IllegalArgumentException("SRS too short");
        long n1 = readLong(b, pos); pos += 8;
        if (n1 < 1 || n1 > (b.length - 8) / G1.COMPRESSED_BYTES) throw new IllegalArgumentException("bad G1 count " + n1);
        int keep = (int) Math.min(n1, maxG1);
        byte[] g1Bytes = Arrays.copyOfRange(b, pos, pos + G1.COMPRESSED_BYTES * keep);
        pos += (int) (G1.COMPRESSED_BYTES * n1);
        if (pos + 8 > b.length) throw new IllegalArgumentException("SRS has no G2 count");
        long n2 = readLong(b, pos); pos += 8;
        if (n2 < 2 || pos + G2.COMPRESSED_BYTES * n2 != b.length) throw new IllegalArgumentException("bad G2 count " + n2);
        byte[][] g2 = new byte[(int) n2][];
        for (int i = 0; i < n2; i++) {
            g2[i] = G2.fromCompressed(Arrays.copyOfRange(b, pos + G2.COMPRESSED_BYTES * i, pos + G2.COMPRESSED_BYTES * (i + 1)))
                    .toUncompressed();
        }
        return new Srs(new G1[keep], g1Bytes, g2);
    }

    /** This SRS (the G1 points held, every G2 point) in the compressed layout read by {@link #parseCompressed}. */
    public byte[] toCompressed() {
        byte[] out = new byte[8 + G1.COMPRESSED_BYTES * g1.length + 8 + G2.COMPRESSED_BYTES * g2Raw.length];
        int pos = writeLong(out, 0, g1.length);
        for (int i = 0; i < g1.length; i++) {
            System.arraycopy(g1(i).toCompressed(), 0, out, pos, G1.COMPRESSED_BYTES);
            pos += G1.COMPRESSED_BYTES;
        }
        pos = writeLong(out, pos, g2Raw.length);
        for (byte[] raw : g2Raw) {
            System.arraycopy(G2.fromUncompressed(raw).toCompressed(), 0, out, pos, G2.COMPRESSED_BYTES);
            pos += G2.COMPRESSED_BYTES;
        }
        return out;
    }

    private static int writeLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
        return off + 8;
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }

    /** Number of G1 powers held. */
    public int g1Size() { return g1.length; }

    /** [tau^i]G1. */
    public G1 g1(int i) {
        G1 p = g1[i];
        if (p == null) {
            p = G1.fromCompressed(compressed, G1.COMPRESSED_BYTES * i, false);
            g1[i] = p;
        }
        return p;
    }

    /** The i-th G2 point's 192-byte uncompressed Zcash encoding ([1]G2, [tau]G2). */
    public byte[] g2Bytes(int i) { return g2Raw[i].clone(); }
}
