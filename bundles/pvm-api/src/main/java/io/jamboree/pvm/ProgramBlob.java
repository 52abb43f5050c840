package io.jamboree.pvm;

import java.util.Optional;

/**
 * A deblobbed PVM program (GP 0.7.2 Appendix A.1, {@code deblob}): instruction data c, opcode bitmask k
 * (|k| = |c|) and dynamic jump table j, from p = E(|j|) ⌢ E_1(z) ⌢ E(|c|) ⌢ E_z(j) ⌢ E(c) ⌢ E(k).
 *
 * @param code       instruction data c
 * @param bitmask    opcode bitmask k, one entry per octet of c
 * @param jumpTable  dynamic jump table j (code indices)
 */
public record ProgramBlob(byte[] code, boolean[] bitmask, long[] jumpTable) {

    /** Longest blob accepted (a guard against absurd length prefixes; far above any protocol limit). */
    private static final long MAX_LEN = Integer.MAX_VALUE - 16;

    /**
     * The deblob function: splits a program blob, or returns empty (GP: ∇) if it is malformed or has
     * trailing octets.
     */
    public static Optional<ProgramBlob> deblob(byte[] p) {
        Codec.Reader r = new Codec.Reader(p);
        try {
            long jLen = r.natural();
            int z = r.u8();
            long cLen = r.natural();
            if (jLen > MAX_LEN || cLen > MAX_LEN || jLen * z > r.remaining()) return Optional.empty();
            long[] j = new long[(int) jLen];
            for (int i = 0; i < j.length; i++) j[i] = r.fixed(z);
            if (cLen > r.remaining()) return Optional.empty();
            byte[] c = r.bytes((int) cLen);
            int kBytes = (int) ((cLen + 7) / 8);
            if (kBytes != r.remaining()) return Optional.empty();
            byte[] kb = r.bytes(kBytes);
            boolean[] k = new boolean[(int) cLen];
            for (int i = 0; i < k.length; i++) k[i] = ((kb[i >>> 3] >>> (i & 7)) & 1) != 0;
            return Optional.of(new ProgramBlob(c, k, j));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
