package io.jamboree.fuzz.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.pvm.ArgumentInvocation;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fuzz target's start-up warm-up of the PVM engine its Υ accumulates with: the dev genesis sample service's
 * refine (Blake2b-256 of a work item's payload, computed in PVM code: loads, stores, 64-bit arithmetic, shifts,
 * branches) run Ψ_M-style (GP A.8, {@link ArgumentInvocation}) on a built-in payload, each result checked against
 * the node's own Blake2b-256. The public traces' blocks spend most of their accumulation in the engine's instruction
 * loop; a fresh JVM would otherwise run that loop in the byte-code interpreter for the fuzzer's first blocks. The
 * block warm-up ({@link WarmUp}) has no work reports, so it never reaches the PVM.
 *
 * <p>Host calls: only {@code fetch} (index 1) with selector 13 (the work item's payload) and 12 (the item's summary
 * S(w), GP §14.3: 62 octets, here with no exports) is answered; anything else (selector 6: no imported segment)
 * gets NONE. A failure only ends the warm-up (reported); the target serves all the same.
 */
final class PvmWarmUp {
    /** Host call {@code fetch} (GP B.6). */
    private static final long FETCH = 1;
    /** {@code fetch} selector of a work item's payload. */
    private static final long PAYLOAD_SELECTOR = 13;
    /** {@code fetch} selector of a work item's summary S(w). */
    private static final long SUMMARY_SELECTOR = 12;
    /**
     * S(w) = E_4(s) ⌢ c ⌢ E_8(g) ⌢ E_8(a) ⌢ E_2(e) ⌢ E_2(|i|) ⌢ E_2(|x|) ⌢ E_4(|y|): 62 octets; all zero here, so
     * the sample service's export mode exports nothing.
     */
    private static final byte[] SUMMARY = new byte[62];
    /** NONE = 2^64 - 1 (GP B.1). */
    private static final long NONE = -1L;
    /** The refine entry point of the sample service. */
    private static final int REFINE_PC = 0;
    private static final long GAS = 1_000_000_000L;

    /**
     * What the warm-up did.
     *
     * @param runs refine invocations that halted with the right hash
     * @param gasUsed gas used over all of them (about one per instruction)
     * @param nanos the whole warm-up
     * @param problem why it stopped early, or {@code null}
     */
    record Result(int runs, long gasUsed, long nanos, String problem) {
        String describe() {
            String s = String.format(Locale.ROOT, "%d refine runs of the sample service, %d gas, in %.0f ms", runs, gasUsed, nanos / 1e6);
            return problem == null ? s : s + "; stopped: " + problem;
        }
    }

    private PvmWarmUp() {}

    /**
     * Runs the refine of {@code codePreimage} ({@code E(↕metadata, code)}, GP §9.1) {@code runs} times on
     * {@code engine}, over a payload of {@code payloadBytes} octets.
     */
    static Result run(PvmEngine engine, byte[] codePreimage, int runs, int payloadBytes) {
        long start = System.nanoTime();
        byte[] code;
        try {
            Decoder d = new Decoder(codePreimage);
            long m = d.natural();
            d.bytes((int) m, "metadata");
            code = Arrays.copyOfRange(codePreimage, d.position(), codePreimage.length);
        } catch (RuntimeException e) {
            return new Result(0, 0, System.nanoTime() - start, "the code preimage does not decode: " + e);
        }
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >>> 8));
        }
        byte[] expected = Blake2b256.hash(payload);
        HostCallHandler fetch = (index, vm) -> fetch(index, vm, payload);
        byte[] args = {0, 0}; // E(core 0, item 0)
        long gas = 0;
        for (int r = 0; r < runs; r++) {
            ArgumentInvocation.Result res;
            try {
                res = ArgumentInvocation.invoke(engine, code, REFINE_PC, GAS, args, fetch);
            } catch (RuntimeException e) {
                return new Result(r, gas, System.nanoTime() - start, "engine " + engine.name() + ": " + e);
            }
            gas += res.gasUsed();
            if (!(res.exit() instanceof ExitReason.Halt) || !Arrays.equals(expected, res.output())) {
                return new Result(r, gas, System.nanoTime() - start, "engine " + engine.name() + ": refine ended with " + res.exit()
                        + (res.output() == null ? "" : ", output of " + res.output().length + " octets, not the payload's Blake2b-256"));
            }
        }
        return new Result(runs, gas, System.nanoTime() - start, null);
    }

    /** {@code fetch(o = ω7, f = ω8, l = ω9, selector ω10)}: the payload's octets f..f+l at o; ω7 = its length. */
    private static HostCallHandler.Outcome fetch(long index, PvmInstance vm, byte[] payload) {
        long[] w = vm.registers();
        byte[] data = index != FETCH ? null
                : w[10] == PAYLOAD_SELECTOR ? payload : w[10] == SUMMARY_SELECTOR ? SUMMARY : null;
        if (data == null) {
            w[7] = NONE;
            return HostCallHandler.Outcome.CONTINUE;
        }
        int from = (int) Math.min(Math.max(w[8], 0), data.length);
        int count = (int) Math.min(Math.max(w[9], 0), data.length - from);
        if (!vm.memory().write(w[7], Arrays.copyOfRange(data, from, from + count))) {
            return HostCallHandler.Outcome.PANIC;
        }
        w[7] = data.length;
        return HostCallHandler.Outcome.CONTINUE;
    }
}
