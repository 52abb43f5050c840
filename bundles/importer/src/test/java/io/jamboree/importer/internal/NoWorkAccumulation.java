package io.jamboree.importer.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.Hash;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.ReadyRecord;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Test stand-in for the accumulation service until the real one (helper ACC) is merged: it implements only the
 * case with nothing to accumulate (no available reports, no always-accumulate services), where GP §12 reduces to
 * shifting ξ and the ready queue ω (eq. 12.x, "final state of the ready queue"). Anything else throws, so blocks
 * that need real accumulation fail their trace step visibly.
 */
final class NoWorkAccumulation implements Accumulation {
    @Override
    public AccumulationOutcome accumulate(ChainParams params, long slot, long previousSlot, Hash entropy,
            List<WorkReport> available, AccumulationState state, ServiceState services) {
        if (!available.isEmpty() || !state.privileges().alwaysAcc().isEmpty()) {
            throw new UnsupportedOperationException("accumulation not available in this build (merge branch acc)");
        }
        int e = params.epochLength();
        List<List<Hash>> xi = new ArrayList<>(state.accumulated().slots().subList(1, e));
        xi.add(List.of());
        int m = (int) (slot % e);
        long elapsed = slot - previousSlot;
        List<List<ReadyRecord>> omega = new ArrayList<>(state.readyQueue().slots());
        for (int i = 0; i < e; i++) {
            int idx = Math.floorMod(m - i, e);
            if (i == 0 || i < elapsed) {
                omega.set(idx, List.of());
            }
        }
        return new AccumulationOutcome(new AccumulationState(state.privileges(), state.authQueues(),
                state.stagingSet(), new ReadyQueue(omega), new AccumulatedQueue(xi)), List.of(), List.of(), List.of());
    }
}
