package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;

import java.lang.invoke.MethodHandle;

/**
 * The generated code of one program: one hidden class per chunk of consecutive units (keeping each method far
 * below the 64 KiB limit and each constant pool small), each with
 * {@code static int run(long[] ω, Memory μ, long[] st, int[] jumpSlots, int slot)}.
 * A chunk runs from the unit starting at {@code slot} until it must return: st[0] is gas, st[1] a slot and
 * st[2] the fault address or host-call index; the result is one of the codes below.
 */
final class Compiled {
    /** Halt / panic at slot st[1], gas charged through it. */
    static final int HALT = 0, PANIC = 1;
    /** RAM fault at slot st[1], address st[2]; gas still includes the whole unit (refund the rest). */
    static final int FAULT = 2;
    /** ecalli at slot st[1], index st[2]. */
    static final int HOST = 3;
    /** The unit at slot st[1] costs more than the gas left: step it instruction by instruction. */
    static final int STEP = 4;
    /** Continue at unit slot st[1] (in another chunk). */
    static final int CONTINUE = 5;

    private final MethodHandle[] chunks;
    private final int[] chunkOfUnit;
    private final Decoded d;

    Compiled(Decoded d, MethodHandle[] chunks, int[] chunkOfUnit) {
        this.d = d;
        this.chunks = chunks;
        this.chunkOfUnit = chunkOfUnit;
    }

    /** @return the number of generated classes */
    int chunkCount() {
        return chunks.length;
    }

    int run(long[] r, Memory m, long[] st, int[] jumpSlots, int slot) {
        try {
            return (int) chunks[chunkOfUnit[d.unitOf[slot]]].invokeExact(r, m, st, jumpSlots, slot);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
