package io.jamboree.shuffle;

import io.jamboree.core.hash.Blake2b256;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fisher-Yates shuffle {@code F} (GP 0.7.2 Appendix F, eq. F.1) and the numeric-sequence-from-hash function
 * {@code Q_l} (eq. F.2) with the hash-seeded form {@code F(s, h) = F(s, Q_{|s|}(h))} (eq. F.3).
 *
 * <pre>
 *   F(s, r) = [s_{r_0 mod l}] ⌢ F(s'[..l−1], r[1..])  where s' = s except s'_{r_0 mod l} = s_{l−1}   (s ≠ [])
 *   Q_l(h)  = [E_4^{-1}(H(h ⌢ E_4(⌊i/8⌋))[4i mod 32 ..+ 4]) | i ← ℕ_l]
 * </pre>
 *
 * Implemented iteratively and in O(l) on a copy of the input: step {@code i} picks index {@code r_i mod (l − i)}
 * of the remaining prefix and moves the last remaining element into the hole. Entropy words are unsigned 32-bit
 * values carried in {@code long}s.
 */
public final class Shuffle {

    private Shuffle() {}

    /** {@code Q_l(h)}: {@code l} little-endian 32-bit words, eight per Blake2b-256 block {@code H(h ⌢ E_4(j))}. */
    public static long[] sequenceFromHash(byte[] entropy, int length) {
        checkEntropy(entropy);
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        long[] out = new long[length];
        byte[] preimage = new byte[36];
        System.arraycopy(entropy, 0, preimage, 0, 32);
        Blake2b256 hasher = new Blake2b256();
        byte[] block = null;
        for (int i = 0; i < length; i++) {
            if ((i & 7) == 0) {
                int j = i >>> 3;
                preimage[32] = (byte) j;
                preimage[33] = (byte) (j >>> 8);
                preimage[34] = (byte) (j >>> 16);
                preimage[35] = (byte) (j >>> 24);
                block = hasher.update(preimage, 0, 36).digest();
            }
            int o = (i & 7) << 2;
            out[i] = (block[o] & 0xFFL) | (block[o + 1] & 0xFFL) << 8 | (block[o + 2] & 0xFFL) << 16
                    | (block[o + 3] & 0xFFL) << 24;
        }
        return out;
    }

    /** {@code F(s, r)} for a numeric entropy sequence with {@code |r| ≥ |s|} (naturals, non-negative). */
    public static int[] shuffle(int[] sequence, long[] entropy) {
        int l = sequence.length;
        if (entropy.length < l) {
            throw new IllegalArgumentException("need " + l + " entropy words, got " + entropy.length);
        }
        int[] s = sequence.clone();
        int[] out = new int[l];
        for (int i = 0; i < l; i++) {
            int remaining = l - i;
            int k = (int) Long.remainderUnsigned(entropy[i], remaining);
            out[i] = s[k];
            s[k] = s[remaining - 1];
        }
        return out;
    }

    /** {@code F(s, h)} for a 32-octet entropy hash. */
    public static int[] shuffle(int[] sequence, byte[] entropy) {
        return shuffle(sequence, sequenceFromHash(entropy, sequence.length));
    }

    /** {@code F(s, h)} for a list of any element type (returns a new mutable list). */
    public static <T> List<T> shuffle(List<T> sequence, byte[] entropy) {
        int l = sequence.size();
        int[] order = shuffledIndices(l, entropy);
        List<T> out = new ArrayList<>(l);
        for (int i = 0; i < l; i++) {
            out.add(sequence.get(order[i]));
        }
        return out;
    }

    /** {@code F([0, 1, …, count−1], h)}: the shuffled index sequence (the form of the shuffle test vectors). */
    public static int[] shuffledIndices(int count, byte[] entropy) {
        int[] s = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = i;
        }
        return shuffle(s, entropy);
    }

    private static void checkEntropy(byte[] entropy) {
        if (entropy.length != 32) {
            throw new IllegalArgumentException("entropy must be a 32-octet hash, got " + entropy.length);
        }
    }
}
