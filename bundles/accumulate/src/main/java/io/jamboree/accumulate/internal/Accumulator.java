package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.AccumulationStatistic;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.accumulate.ServiceWrite;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.AlwaysAccumulateEntry;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.Hash;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.ReadyRecord;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accumulation of one block (GP 0.7.2 §12): splits the available reports R into R^! and R^Q, builds
 * R* with the ready queue (§12.1), runs Δ+ with gas max(G_T, G_A·C + Σχ_Z) (§12.3), derives the
 * statistics, the last-accumulation slots, the outputs θ', and shifts ξ and ω by τ' − τ.
 */
public final class Accumulator implements Accumulation {
    private final PvmEngine engine;

    public Accumulator(PvmEngine engine) {
        this.engine = new CachingEngine(Objects.requireNonNull(engine));
    }

    @Override
    public AccumulationOutcome accumulate(ChainParams params, long slot, long previousSlot, Hash entropy,
            List<WorkReport> available, AccumulationState state, ServiceState services) {
        if (slot <= previousSlot) {
            throw new IllegalArgumentException("slot " + slot + " does not follow " + previousSlot);
        }
        int epoch = params.epochLength();
        if (state.readyQueue().slots().size() != epoch || state.accumulated().slots().size() != epoch) {
            throw new IllegalArgumentException("ready queue and accumulated history need " + epoch + " slots");
        }
        // §12.1: R^!, R^Q and R*.
        Set<Hash> history = new HashSet<>();
        for (List<Hash> s : state.accumulated().slots()) history.addAll(s);
        List<WorkReport> now = new ArrayList<>();
        List<QueuedReport> later = new ArrayList<>();
        for (WorkReport r : available) {
            if (AccumulationQueue.immediate(r)) now.add(r);
            else later.add(AccumulationQueue.withDependencies(r));
        }
        List<QueuedReport> queued = AccumulationQueue.edit(later, history);
        int m = (int) (slot % epoch);
        List<QueuedReport> q = new ArrayList<>();
        List<List<ReadyRecord>> ready = state.readyQueue().slots();
        for (int i = 0; i < epoch; i++) {
            for (ReadyRecord r : ready.get((m + i) % epoch)) q.add(QueuedReport.of(r));
        }
        q.addAll(queued);
        List<WorkReport> all = new ArrayList<>(now);
        all.addAll(AccumulationQueue.accumulatable(AccumulationQueue.edit(q, AccumulationQueue.packageHashes(now))));

        // §12.3: Δ+ over R*.
        Privileges chi = state.privileges();
        Map<Long, Long> free = new TreeMap<>();
        long freeGas = 0;
        for (AlwaysAccumulateEntry z : chi.alwaysAcc()) {
            free.put(z.id(), z.gas());
            freeGas = SingleServiceAccumulation.saturatingAdd(freeGas, z.gas());
        }
        long g = Math.max(params.blockAccumulateGas(), SingleServiceAccumulation.saturatingAdd(
                params.reportAccumulateGas() * params.coresCount(), freeGas));
        ServiceAccounts accounts = ServiceAccounts.over(services);
        PartialState e = new PartialState(accounts, state.stagingSet(), state.authQueues().queues(), chi.bless(),
                chi.assign(), chi.designate(), chi.register(), free);
        AccumulationContext ctx = new AccumulationContext(engine, params, slot, entropy);
        OuterAccumulation.Result res = OuterAccumulation.accumulate(ctx, g, all, e, free);

        // Statistics S (eq. 12.23) and last-accumulation slots (eq. 12.24).
        TreeMap<Long, long[]> stats = new TreeMap<>();
        for (long[] u : res.gasUsed()) {
            long[] st = stats.computeIfAbsent(u[0], k -> new long[2]);
            st[1] = SingleServiceAccumulation.saturatingAdd(st[1], u[1]);
        }
        List<WorkReport> done = all.subList(0, res.accumulated());
        for (WorkReport r : done) {
            for (WorkDigest d : r.results()) stats.computeIfAbsent(d.serviceId(), k -> new long[2])[0]++;
        }
        List<AccumulationStatistic> statistics = new ArrayList<>();
        for (Map.Entry<Long, long[]> en : stats.entrySet()) {
            long[] st = en.getValue();
            if (st[0] == 0 && st[1] == 0) continue;
            statistics.add(new AccumulationStatistic(en.getKey(), st[0], st[1]));
            ServiceInfo a = accounts.info(en.getKey());
            if (a != null) accounts.putInfo(en.getKey(), AccountInfo.withLastAccumulation(a, slot));
        }

        // ξ' and ω' (eq. 12.25-12.27).
        Set<Hash> justAccumulated = AccumulationQueue.packageHashes(done);
        List<List<Hash>> xi = new ArrayList<>(state.accumulated().slots().subList(1, epoch));
        List<Hash> newest = new ArrayList<>(justAccumulated);
        Collections.sort(newest);
        xi.add(newest);
        List<List<ReadyRecord>> omega = new ArrayList<>(Collections.nCopies(epoch, List.<ReadyRecord>of()));
        long gap = slot - previousSlot;
        for (int i = 0; i < epoch; i++) {
            int idx = Math.floorMod(m - i, epoch);
            List<QueuedReport> source;
            if (i == 0) source = queued;
            else if (i < gap) source = List.of();
            else {
                source = new ArrayList<>();
                for (ReadyRecord r : ready.get(idx)) source.add(QueuedReport.of(r));
            }
            List<ReadyRecord> slotRecords = new ArrayList<>();
            for (QueuedReport qr : AccumulationQueue.edit(source, justAccumulated)) slotRecords.add(qr.toRecord());
            omega.set(idx, slotRecords);
        }

        Privileges chi2 = new Privileges(e.manager, e.assigners, e.delegator, e.registrar, alwaysAcc(e.alwaysAccumulate));
        AccumulationState post = new AccumulationState(chi2, new AuthQueues(e.authQueues), e.stagingSet,
                new ReadyQueue(omega), new AccumulatedQueue(xi));
        return new AccumulationOutcome(post, writes(params, accounts), ParallelAccumulation.sorted(res.outputs()),
                statistics);
    }

    private static List<AlwaysAccumulateEntry> alwaysAcc(Map<Long, Long> z) {
        List<AlwaysAccumulateEntry> out = new ArrayList<>();
        for (Map.Entry<Long, Long> en : new TreeMap<>(z).entrySet()) {
            out.add(new AlwaysAccumulateEntry(en.getKey(), en.getValue()));
        }
        return out;
    }

    /** The changes of δ the block-level overlay holds, in key order. */
    private static List<ServiceWrite> writes(ChainParams p, ServiceAccounts accounts) {
        ServiceState base = accounts.base();
        TreeMap<StateKey, byte[]> out = new TreeMap<>();
        Set<StateKey> removals = new HashSet<>();
        for (long id : accounts.removedAccounts()) {
            base.forEachItem(id, (k, v) -> removals.add(k));
            if (base.info(id).isPresent()) removals.add(StateKey.serviceAccount(id));
        }
        for (StateKey k : removals) out.put(k, null);
        for (Map.Entry<Long, ServiceInfo> en : accounts.changedInfos().entrySet()) {
            StateKey k = StateKey.serviceAccount(en.getKey());
            if (en.getValue() == null) {
                if (base.info(en.getKey()).isPresent()) out.put(k, null);
            } else {
                Encoder enc = new Encoder(96);
                en.getValue().encode(enc, p);
                out.put(k, enc.toByteArray());
            }
        }
        for (Map.Entry<StateKey, byte[]> en : accounts.changedItems().entrySet()) {
            if (en.getValue() != null) out.put(en.getKey(), en.getValue());
            else if (base.item(en.getKey()).isPresent()) out.put(en.getKey(), null);
        }
        List<ServiceWrite> w = new ArrayList<>(out.size());
        for (Map.Entry<StateKey, byte[]> en : out.entrySet()) {
            w.add(en.getValue() == null ? new ServiceWrite.Remove(en.getKey())
                    : new ServiceWrite.Put(en.getKey(), en.getValue().clone()));
        }
        return w;
    }
}
