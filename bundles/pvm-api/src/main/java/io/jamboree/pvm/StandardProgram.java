package io.jamboree.pvm;

import java.util.Optional;

/**
 * The standard program initialization Y (GP 0.7.2 Appendix A.7): decodes a standard program blob
 * p = E_3(|o|) ⌢ E_3(|w|) ⌢ E_2(z) ⌢ E_3(s) ⌢ o ⌢ w ⌢ E_4(|c|) ⌢ c and the argument data a into the
 * program code c (itself a blob for {@link ProgramBlob#deblob}), the initial registers ω and the RAM μ:
 * read-only data o at Z_Z, read-write data w plus z heap pages at 2Z_Z + Z(|o|), a stack of P(s) octets
 * ending at 2^32 − 2Z_Z − Z_I, and the arguments (read-only) at 2^32 − Z_Z − Z_I.
 *
 * @param code      the program code blob c (deblob it, or pass it to {@link PvmEngine#prepare})
 * @param registers ω: r0 = 2^32 − 2^16, r1 = stack top, r7 = argument address, r8 = |a|, others 0
 * @param memory    μ as laid out by equation (eq:memlayout); its heap break is set to the end of the heap
 */
public record StandardProgram(byte[] code, long[] registers, Memory memory) {
    /** Z_Z = 2^16, the standard initialization zone size. */
    public static final long ZONE_SIZE = 1L << 16;
    /** Z_I = 2^24, the standard initialization maximum input (argument) size. */
    public static final long INPUT_SIZE = 1L << 24;
    /** The address whose dynamic jump halts the machine, 2^32 − 2^16 (GP A.4, djump); initial r0. */
    public static final long HALT_ADDRESS = (1L << 32) - (1L << 16);

    /** Y(p, a): empty (GP: ∅) when p is malformed, a is longer than Z_I or the layout exceeds 2^32. */
    public static Optional<StandardProgram> decode(byte[] blob, byte[] args) {
        if (args.length > INPUT_SIZE) return Optional.empty();
        Codec.Reader r = new Codec.Reader(blob);
        try {
            int oLen = (int) r.fixed(3);
            int wLen = (int) r.fixed(3);
            int z = (int) r.fixed(2);
            int s = (int) r.fixed(3);
            if (oLen > r.remaining()) return Optional.empty();
            byte[] o = r.bytes(oLen);
            if (wLen > r.remaining()) return Optional.empty();
            byte[] w = r.bytes(wLen);
            long cLen = r.fixed(4);
            if (cLen != r.remaining()) return Optional.empty();
            byte[] c = r.bytes((int) cLen);
            long total = 5 * ZONE_SIZE + zone(oLen) + zone(wLen + (long) z * Memory.PAGE_SIZE) + zone(s) + INPUT_SIZE;
            if (total > (1L << 32)) return Optional.empty();

            Memory m = new Memory();
            long roBase = ZONE_SIZE;
            m.setAccess(roBase, page(oLen), PageAccess.READ);
            m.poke(roBase, o, 0, o.length);
            long rwBase = 2 * ZONE_SIZE + zone(oLen);
            long rwLen = page(wLen) + (long) z * Memory.PAGE_SIZE;
            m.setAccess(rwBase, rwLen, PageAccess.WRITE);
            m.poke(rwBase, w, 0, w.length);
            m.setHeapBreak(rwBase + rwLen);
            long stackTop = (1L << 32) - 2 * ZONE_SIZE - INPUT_SIZE;
            m.setAccess(stackTop - page(s), page(s), PageAccess.WRITE);
            long argBase = (1L << 32) - ZONE_SIZE - INPUT_SIZE;
            m.setAccess(argBase, page(args.length), PageAccess.READ);
            m.poke(argBase, args, 0, args.length);

            long[] regs = new long[13];
            regs[0] = HALT_ADDRESS;
            regs[1] = stackTop;
            regs[7] = argBase;
            regs[8] = args.length;
            return Optional.of(new StandardProgram(c, regs, m));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** P(x): x rounded up to a whole number of pages. */
    public static long page(long x) {
        return (x + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE * Memory.PAGE_SIZE;
    }

    /** Z(x): x rounded up to a whole number of zones. */
    public static long zone(long x) {
        return (x + ZONE_SIZE - 1) / ZONE_SIZE * ZONE_SIZE;
    }
}
