package io.jamboree.merkle;

import io.jamboree.core.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Merkle Mountain Range (GP 0.7.2 Appendix E.2): a sequence of optional peaks {@code ⟦H?⟧}, peak {@code i} being
 * the root of a Merkle tree of {@code 2^i} items, or {@code ∅} ({@code null} here).
 *
 * <ul>
 *   <li>{@link #append} is the MMB append function {@code A(r, l, H)} (eq. E.8):
 *       {@code P(r, l, n, H) = r ⌢ l} when {@code n ≥ |r|}; {@code R(r, n, l)} when {@code r_n = ∅};
 *       otherwise {@code P(R(r, n, ∅), H(r_n ⌢ l), n + 1, H)}.</li>
 *   <li>{@link #encode} is {@code E_M(b) = E(↕[¿x | x ← b])} (eq. E.9).</li>
 *   <li>{@link #superPeak} is {@code M_R} (eq. E.10), always with Keccak-256:
 *       {@code 0^32} for no peaks, {@code h_0} for one, else {@code H_K("peak" ⌢ M_R(h[..|h|−1]) ⌢ h_{|h|−1})},
 *       {@code h} the non-empty peaks in order.</li>
 * </ul>
 * Immutable: {@link #append} returns a new range. Peak arrays are copied in and out; equality is by content.
 *
 * @param peaks the peaks, {@code null} for {@code ∅}; each non-null peak is 32 octets
 */
public record MerkleMountainRange(List<byte[]> peaks) {

    private static final byte[] PEAK = "peak".getBytes(StandardCharsets.US_ASCII);
    private static final MerkleMountainRange EMPTY = new MerkleMountainRange(List.of());

    public MerkleMountainRange {
        List<byte[]> copy = new ArrayList<>(peaks.size());
        for (byte[] p : peaks) {
            if (p != null && p.length != 32) {
                throw new IllegalArgumentException("peak must be 32 octets, got " + p.length);
            }
            copy.add(p == null ? null : p.clone());
        }
        peaks = Collections.unmodifiableList(copy);
    }

    /** The empty range {@code []}. */
    public static MerkleMountainRange empty() {
        return EMPTY;
    }

    /** Copies of the peaks ({@code null} for {@code ∅}). */
    @Override
    public List<byte[]> peaks() {
        List<byte[]> out = new ArrayList<>(peaks.size());
        for (byte[] p : peaks) {
            out.add(p == null ? null : p.clone());
        }
        return out;
    }

    /** Number of peak slots {@code |r|} (including empty ones). */
    public int size() {
        return peaks.size();
    }

    /** Peak {@code i} (a copy), or {@code null} for {@code ∅}. */
    public byte[] peak(int i) {
        byte[] p = peaks.get(i);
        return p == null ? null : p.clone();
    }

    /** {@code A(r, l, H)}: the range after appending leaf {@code l}. */
    public MerkleMountainRange append(byte[] leaf, HashFunction h) {
        if (leaf.length != 32) {
            throw new IllegalArgumentException("leaf must be 32 octets, got " + leaf.length);
        }
        List<byte[]> r = new ArrayList<>(peaks);
        byte[] carry = leaf;
        byte[] buf = new byte[64];
        for (int n = 0; ; n++) {
            if (n >= r.size()) {
                r.add(carry);
                break;
            }
            byte[] peak = r.get(n);
            if (peak == null) {
                r.set(n, carry);
                break;
            }
            System.arraycopy(peak, 0, buf, 0, 32);
            System.arraycopy(carry, 0, buf, 32, 32);
            carry = h.hash(buf);
            r.set(n, null);
        }
        return new MerkleMountainRange(r);
    }

    /** {@code A(r, l, H_K)}: append with Keccak-256, as the accumulation-output log does (GP eq. 7.3). */
    public MerkleMountainRange appendKeccak(byte[] leaf) {
        return append(leaf, HashFunction.KECCAK_256);
    }

    /** {@code M_R(b)}: the super-peak (Keccak-256). */
    public byte[] superPeak() {
        byte[] acc = null;
        byte[] buf = new byte[PEAK.length + 64];
        System.arraycopy(PEAK, 0, buf, 0, PEAK.length);
        for (byte[] p : peaks) {
            if (p == null) {
                continue;
            }
            if (acc == null) {
                acc = p.clone();
            } else {
                System.arraycopy(acc, 0, buf, PEAK.length, 32);
                System.arraycopy(p, 0, buf, PEAK.length + 32, 32);
                acc = HashFunction.KECCAK_256.hash(buf);
            }
        }
        return acc == null ? new byte[32] : acc;
    }

    /** {@code E_M(b)}: compact length prefix, then per peak {@code 0} for {@code ∅} or {@code 1 ⌢ hash}. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(9 + 33 * peaks.size());
        out.writeBytes(encodeNatural(peaks.size()));
        for (byte[] p : peaks) {
            if (p == null) {
                out.write(0);
            } else {
                out.write(1);
                out.writeBytes(p);
            }
        }
        return out.toByteArray();
    }

    /** Inverse of {@link #encode}; the whole input must be consumed. */
    public static MerkleMountainRange decode(byte[] data) {
        long[] lenAndPos = decodeNatural(data, 0);
        long count = lenAndPos[0];
        int pos = (int) lenAndPos[1];
        if (count > (data.length - pos)) {
            throw new IllegalArgumentException("MMR length " + count + " exceeds the input");
        }
        List<byte[]> r = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            if (pos >= data.length) {
                throw new IllegalArgumentException("truncated MMR encoding");
            }
            int tag = data[pos++];
            if (tag == 0) {
                r.add(null);
            } else if (tag == 1) {
                if (pos + 32 > data.length) {
                    throw new IllegalArgumentException("truncated MMR peak");
                }
                r.add(Arrays.copyOfRange(data, pos, pos + 32));
                pos += 32;
            } else {
                throw new IllegalArgumentException("bad optional discriminator " + tag);
            }
        }
        if (pos != data.length) {
            throw new IllegalArgumentException((data.length - pos) + " trailing octets after MMR");
        }
        return new MerkleMountainRange(r);
    }

    /** The general natural serialization {@code E(x)} (GP Appendix C.1.1), {@code 0 ≤ x < 2^64} as unsigned. */
    static byte[] encodeNatural(long x) {
        if (x == 0) {
            return new byte[] {0};
        }
        for (int l = 0; l < 8; l++) {
            if (Long.compareUnsigned(x, 1L << (7 * (l + 1))) < 0) {
                byte[] out = new byte[1 + l];
                out[0] = (byte) (256 - (256 >>> l) + (x >>> (8 * l)));
                for (int j = 0; j < l; j++) {
                    out[1 + j] = (byte) (x >>> (8 * j));
                }
                return out;
            }
        }
        byte[] out = new byte[9];
        out[0] = (byte) 0xFF;
        for (int j = 0; j < 8; j++) {
            out[1 + j] = (byte) (x >>> (8 * j));
        }
        return out;
    }

    /** Decodes {@code E(x)} at {@code off}; returns {@code {x, offset after}}. */
    static long[] decodeNatural(byte[] data, int off) {
        if (off >= data.length) {
            throw new IllegalArgumentException("truncated natural");
        }
        int b = data[off] & 0xFF;
        int l = Math.min(8, Integer.numberOfLeadingZeros(~b << 24)); // leading one bits of b
        if (off + 1 + l > data.length) {
            throw new IllegalArgumentException("truncated natural");
        }
        long low = 0;
        for (int j = 0; j < Math.min(l, 8); j++) {
            low |= (long) (data[off + 1 + j] & 0xFF) << (8 * j);
        }
        long x = l == 8 ? low : ((long) (b - (256 - (256 >>> l))) << (8 * l)) | low;
        return new long[] {x, off + 1 + l};
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MerkleMountainRange m) || m.peaks.size() != peaks.size()) {
            return false;
        }
        for (int i = 0; i < peaks.size(); i++) {
            if (!Arrays.equals(peaks.get(i), m.peaks.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] p : peaks) {
            h = 31 * h + Arrays.hashCode(p);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MMR[");
        for (int i = 0; i < peaks.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(peaks.get(i) == null ? "∅" : Hex.encode(peaks.get(i)));
        }
        return sb.append(']').toString();
    }
}
