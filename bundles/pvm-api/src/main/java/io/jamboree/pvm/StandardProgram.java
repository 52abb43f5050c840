package io.jamboree.pvm;

import java.util.Optional;

/**
 * The standard program initialization Y (GP 0.7.2 Appendix A.7): decodes a standard program blob
 * p = E_3(|o|) ⌢ E_3(|w|) ⌢ E_2(z) ⌢ E_3(s) ⌢ o ⌢ w ⌢ E_4(|c|) ⌢ c and the argument data a into the
 * program code c (itself a blob for {@link ProgramBlob#deblob}), the initial registers ω and the RAM μ:
 * read-only data o at Z_Z, read-write data w plus z heap pages at 2Z_Z + Z(|o|), a stack of P(s) octets
 * ending at 2^32 − 2Z_Z − Z_I, and the arguments (read-only) at 2^32 − Z_Z − Z_I.
 *
 * <p>{@link StandardProgramBlob} is p decoded once, for programs run many times.
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
        return StandardProgramBlob.parse(blob, 0).flatMap(p -> p.initialize(args));
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
