package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;

/**
 * The generated code of one chunk of units (GP 0.7.2 A.3 basic blocks), implemented by a hidden class of
 * {@link Codegen}. Called through this interface rather than a {@code MethodHandle}: a non-constant handle
 * invoked per chunk entry goes through the generic invoker and gets customised (new lambda forms, new JIT
 * work) per handle, which cost more than the PVM code itself on traces/storage.
 */
interface Chunk {
    /** Runs from the unit starting at {@code slot}; see {@link Compiled} for st and the result codes. */
    int enter(long[] r, Memory m, long[] st, int[] jumpSlots, int slot);
}
