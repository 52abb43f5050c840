package io.jamboree.accumulate.internal;

import io.jamboree.pvm.Memory;

/**
 * Host-side RAM access with the Graypaper's range semantics (GP 0.7.2 Appendix B.5): a range
 * N_{o..+l} is readable (V_μ) or writable (V*_μ) only if every address lies below 2^32 and is
 * accessible; ranges never wrap, and an empty range is always accessible.
 */
final class Ram {
    private static final long LIMIT = 1L << 32;

    private Ram() {}

    /** μ[o..+l] if readable, else null. */
    static byte[] read(Memory m, long o, long l) {
        if (l == 0) return new byte[0];
        if (!inRange(o, l)) return null;
        byte[] out = new byte[(int) l];
        return m.read(o, out) ? out : null;
    }

    /** Whether N_{o..+l} ⊆ V*_μ. */
    static boolean writable(Memory m, long o, long l) {
        if (l == 0) return true;
        return inRange(o, l) && m.isWritable(o, l);
    }

    /** Writes {@code src[from..+len]} at {@code o}; the range must have been checked writable. */
    static void write(Memory m, long o, byte[] src, int from, int len) {
        if (len == 0) return;
        byte[] part = from == 0 && len == src.length ? src : java.util.Arrays.copyOfRange(src, from, from + len);
        if (!m.write(o, part)) throw new IllegalStateException("RAM range not writable: " + o);
    }

    private static boolean inRange(long o, long l) {
        return o >= 0 && l > 0 && o < LIMIT && l <= LIMIT - o && l <= Integer.MAX_VALUE - 16;
    }
}
