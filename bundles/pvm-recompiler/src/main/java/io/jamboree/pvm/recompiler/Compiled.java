package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The generated code of one program: one hidden class per chunk of consecutive units (keeping each method below
 * HotSpot's huge-method limit and each constant pool small), each with
 * {@code static int run(long[] ω, Memory μ, long[] st, int[] jumpSlots, int slot)}.
 * A chunk runs from the unit starting at {@code slot} until it must return: st[0] is gas, st[1] a slot and
 * st[2] the fault address or host-call index; the result is one of the codes below.
 *
 * <p>Chunks are generated lazily: a chunk's class is built on its {@code hotEntries}-th entry (counted over all
 * instances of the program); until then the driver steps its instructions. Service code is large (100+ KiB) and
 * mostly cold, so this saves generating, verifying and JIT-compiling code that never runs hot. Thread-safe.
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
    /** Returned by {@link #run} when the unit's chunk is not generated (yet): step it. */
    static final int COLD = -1;

    private final Decoded d;
    private final int[][] ranges;
    private final int[] chunkOfUnit;
    private final int hotEntries;
    private final AtomicReferenceArray<Chunk> chunks;
    /** Entries per chunk while it is cold; racy increments are fine (a heuristic), so no atomics on this path. */
    private final int[] entries;
    /** Where hot chunks are generated: null for the running thread, else a background thread (tiered engine). */
    private final Executor generator;
    /** 1 once a chunk's generation was handed to {@link #generator}. */
    private final AtomicIntegerArray queued;

    Compiled(Decoded d, int[][] ranges, int[] chunkOfUnit, int hotEntries, Executor generator) {
        this.d = d;
        this.ranges = ranges;
        this.chunkOfUnit = chunkOfUnit;
        this.hotEntries = hotEntries;
        this.chunks = new AtomicReferenceArray<>(ranges.length);
        this.entries = new int[ranges.length];
        this.generator = generator;
        this.queued = generator == null ? null : new AtomicIntegerArray(ranges.length);
    }

    /** @return the number of chunks */
    int chunkCount() {
        return ranges.length;
    }

    /** @return the number of chunks generated so far */
    int generatedChunks() {
        int n = 0;
        for (int i = 0; i < ranges.length; i++) if (chunks.get(i) != null) n++;
        return n;
    }

    /**
     * Generates every chunk not generated yet (the tiered engine does this on its compiler thread, so that the
     * thread running the program never generates code).
     */
    void generateAll() {
        for (int c = 0; c < ranges.length; c++) {
            if (chunks.get(c) == null) chunks.compareAndSet(c, null, Codegen.chunk(d, ranges[c][0], ranges[c][1]));
        }
    }

    private void queue(int c) {
        try {
            generator.execute(() -> {
                if (chunks.get(c) == null) chunks.compareAndSet(c, null, Codegen.chunk(d, ranges[c][0], ranges[c][1]));
            });
        } catch (RejectedExecutionException e) {
            // the generator is shut down: the chunk stays stepped
        }
    }

    /** Runs the chunk of the unit starting at {@code slot}, generating it if it became hot; or {@link #COLD}. */
    int run(long[] r, Memory m, long[] st, int[] jumpSlots, int slot) {
        int c = chunkOfUnit[d.unitOf[slot]];
        Chunk h = chunks.get(c);
        if (h == null) {
            if (++entries[c] < hotEntries) return COLD;
            if (generator != null) { // generated in the background; stepped until it is there
                if (queued.compareAndSet(c, 0, 1)) queue(c);
                return COLD;
            }
            h = Codegen.chunk(d, ranges[c][0], ranges[c][1]);
            if (!chunks.compareAndSet(c, null, h)) h = chunks.get(c);
        }
        return h.enter(r, m, st, jumpSlots, slot);
    }
}
