package io.jamboree.pvm;

import java.util.Optional;

/**
 * The standard program blob p of the standard initialization Y (GP 0.7.2 Appendix A.7), decoded but not yet laid
 * out in RAM: p = E_3(|o|) ⌢ E_3(|w|) ⌢ E_2(z) ⌢ E_3(s) ⌢ o ⌢ w ⌢ E_4(|c|) ⌢ c. It does not depend on the argument
 * data, so a caller running the same program many times (a service's code, accumulated in block after block) decodes
 * it once and keeps it; {@link #initialize} then gives Y(p, a) for each call. Immutable: the arrays are owned by the
 * record and must not be modified.
 *
 * @param readOnly  o, the read-only data
 * @param readWrite w, the read-write data
 * @param heapPages z, the number of extra heap pages
 * @param stackSize s, the stack size in octets
 * @param code      c, the program code blob (for {@link ProgramBlob#deblob} or {@link PvmEngine#prepare})
 */
public record StandardProgramBlob(byte[] readOnly, byte[] readWrite, int heapPages, int stackSize, byte[] code) {

    /**
     * Decodes p from octet {@code offset} of {@code blob} to its end (a code preimage E(↕m, p) needs no copy of p
     * first); empty (GP: ∅) when p is malformed or its layout exceeds 2^32.
     */
    public static Optional<StandardProgramBlob> parse(byte[] blob, int offset) {
        if (offset < 0 || offset > blob.length) return Optional.empty();
        Codec.Reader r = new Codec.Reader(blob, offset);
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
            long total = 5 * StandardProgram.ZONE_SIZE + StandardProgram.zone(oLen)
                    + StandardProgram.zone(wLen + (long) z * Memory.PAGE_SIZE) + StandardProgram.zone(s)
                    + StandardProgram.INPUT_SIZE;
            if (total > (1L << 32)) return Optional.empty();
            return Optional.of(new StandardProgramBlob(o, w, z, s, c));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Y(p, a): registers and RAM for argument data {@code args}; empty when a is longer than Z_I. */
    public Optional<StandardProgram> initialize(byte[] args) {
        if (args.length > StandardProgram.INPUT_SIZE) return Optional.empty();
        long zone = StandardProgram.ZONE_SIZE;
        Memory m = new Memory();
        long roBase = zone;
        m.setAccess(roBase, StandardProgram.page(readOnly.length), PageAccess.READ);
        m.poke(roBase, readOnly, 0, readOnly.length);
        long rwBase = 2 * zone + StandardProgram.zone(readOnly.length);
        long rwLen = StandardProgram.page(readWrite.length) + (long) heapPages * Memory.PAGE_SIZE;
        m.setAccess(rwBase, rwLen, PageAccess.WRITE);
        m.poke(rwBase, readWrite, 0, readWrite.length);
        m.setHeapBreak(rwBase + rwLen);
        long stackTop = (1L << 32) - 2 * zone - StandardProgram.INPUT_SIZE;
        m.setAccess(stackTop - StandardProgram.page(stackSize), StandardProgram.page(stackSize), PageAccess.WRITE);
        long argBase = (1L << 32) - zone - StandardProgram.INPUT_SIZE;
        m.setAccess(argBase, StandardProgram.page(args.length), PageAccess.READ);
        m.poke(argBase, args, 0, args.length);

        long[] regs = new long[13];
        regs[0] = StandardProgram.HALT_ADDRESS;
        regs[1] = stackTop;
        regs[7] = argBase;
        regs[8] = args.length;
        return Optional.of(new StandardProgram(code, regs, m));
    }
}
