package io.jamboree.accumulate.internal;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code log} = 100 (JIP-1, spec/jips/JIP-1.md): a debug message of level ω_7, target μ[ω_8..+ω_9]
 * and message μ[ω_10..+ω_11]; always ω'_7 = WHAT. Costs 10 gas as JIP-1 says; the stf/accumulate
 * README's "Gas Costs" claims 0 for log, but its own vectors' gas figures need 10 per call.
 */
final class Log {
    static final int INDEX = 100;
    /** Gas charged for log (JIP-1). */
    static final long GAS = 10;
    private static final Logger LOG = LoggerFactory.getLogger("io.jamboree.service");

    private Log() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long gas = vm.gas() - GAS;
        vm.setGas(gas);
        if (gas < 0) return Outcome.OUT_OF_GAS;
        return write(Long.toString(inv.x.id), vm);
    }

    /**
     * The effect of log after its gas was charged, in any invocation (JIP-1: the authorizer's and the
     * refine code's messages too): logs at debug level if the ranges are readable, ω'_7 = WHAT.
     *
     * @param source the service id, or a label for the authorizer
     */
    static Outcome write(String source, PvmInstance vm) {
        long[] r = vm.registers();
        if (LOG.isDebugEnabled()) {
            byte[] target = r[8] == 0 && r[9] == 0 ? null : Ram.read(vm.memory(), r[8], r[9]);
            byte[] msg = Ram.read(vm.memory(), r[10], r[11]);
            if (msg != null) {
                LOG.debug("{}#{} {} {}", r[7], source,
                        target == null ? "" : new String(target, StandardCharsets.UTF_8),
                        new String(msg, StandardCharsets.UTF_8));
            }
        }
        r[7] = HostCallResult.WHAT;
        return Outcome.CONTINUE;
    }
}
