package io.jamboree.accumulate.internal;

import io.jamboree.types.AccumulationInput;
import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.OperandTuple;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Single-service accumulation Δ1 (GP 0.7.2 §12.2, eq. 12.19): gathers the transfers to s and the
 * operand tuples of its work digests, i^T ⌢ i^U, with gas g = f[s] + Σ transfer gas + Σ digest gas,
 * and runs Ψ_A on a fresh overlay of the round's partial state.
 */
final class SingleServiceAccumulation {
    private SingleServiceAccumulation() {}

    static AccumulationResult accumulate(AccumulationContext ctx, PartialState e, List<DeferredTransfer> t,
            List<WorkReport> r, Map<Long, Long> f, long s) {
        long g = f.getOrDefault(s, 0L);
        List<AccumulationInput> inputs = new ArrayList<>();
        for (DeferredTransfer x : t) {
            if (x.destination() == s) {
                inputs.add(new AccumulationInput.Transfer(x));
                g = saturatingAdd(g, x.gas());
            }
        }
        for (WorkReport report : r) {
            for (WorkDigest d : report.results()) {
                if (d.serviceId() != s) continue;
                g = saturatingAdd(g, d.accumulateGas());
                inputs.add(new AccumulationInput.Operand(new OperandTuple(report.packageSpec().hash(),
                        report.packageSpec().exportsRoot(), report.authorizerHash(), d.payloadHash(),
                        d.accumulateGas(), report.authOutput(), d.result())));
            }
        }
        return AccumulateInvocation.invoke(ctx.engine(), ctx.params(), e.child(), ctx.slot(), ctx.entropy(), s, g,
                List.copyOf(inputs));
    }

    /** a + b for gas values, capped at 2^63 − 1. */
    static long saturatingAdd(long a, long b) {
        long c = a + b;
        return (a >= 0 && b >= 0 && c < 0) || Long.compareUnsigned(c, Long.MAX_VALUE) > 0 ? Long.MAX_VALUE : c;
    }
}
