package io.jamboree.accumulate.internal;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parallelized accumulation Δ* (GP 0.7.2 §12.2, eq. 12.17): accumulates every service of the round
 * (digest services, always-accumulate services, transfer destinations) from the same partial state,
 * then merges: each service contributes its own account, the accounts it created and the accounts it
 * removed; privileges follow the manager, or, where the manager left them unchanged, the holder
 * (function R); the staging set comes from the delegator, each authorizer queue from its assigner;
 * finally the provided preimages are integrated (function I).
 */
final class ParallelAccumulation {
    private ParallelAccumulation() {}

    /** The result of one round: transfers t', outputs b and gas usage u; the state is merged in place. */
    record Round(List<DeferredTransfer> transfers, List<AccumulationOutput> outputs, List<long[]> gasUsed) {}

    /** Δ*(e, t, r, f); {@code e} becomes the posterior state. */
    static Round accumulate(AccumulationContext ctx, PartialState e, List<DeferredTransfer> t, List<WorkReport> r,
            Map<Long, Long> f) {
        TreeSet<Long> services = new TreeSet<>();
        for (WorkReport w : r) {
            for (WorkDigest d : w.results()) services.add(d.serviceId());
        }
        services.addAll(f.keySet());
        for (DeferredTransfer x : t) services.add(x.destination());

        Map<Long, AccumulationResult> results = new LinkedHashMap<>();
        for (long s : services) {
            results.put(s, SingleServiceAccumulation.accumulate(ctx, e, t, r, f, s));
        }

        List<long[]> u = new ArrayList<>();
        List<AccumulationOutput> b = new ArrayList<>();
        List<DeferredTransfer> transfers = new ArrayList<>();
        LinkedHashSet<Provision> provisions = new LinkedHashSet<>();
        for (Map.Entry<Long, AccumulationResult> en : results.entrySet()) {
            AccumulationResult a = en.getValue();
            u.add(new long[] {en.getKey(), a.gasUsed()});
            if (a.yield() != null) b.add(new AccumulationOutput(en.getKey(), a.yield()));
            transfers.addAll(a.transfers());
            provisions.addAll(a.provisions());
        }

        mergePrivileges(ctx, e, results);
        mergeAccounts(e.accounts, results);
        integratePreimages(ctx, e.accounts, provisions);
        return new Round(transfers, b, u);
    }

    /** The privileges, staging set and authorizer queues of the merged state (eq. 12.17, R). */
    static void mergePrivileges(AccumulationContext ctx, PartialState e, Map<Long, AccumulationResult> results) {
        PartialState star = post(e, results, e.manager);
        int cores = ctx.params().coresCount();
        long[] assigners = new long[cores];
        List<List<Hash>> queues = new ArrayList<>(e.authQueues);
        for (int c = 0; c < cores; c++) {
            PartialState holder = post(e, results, e.assigners[c]);
            assigners[c] = choose(e.assigners[c], star.assigners[c], holder.assigners[c]);
            queues.set(c, holder.authQueues.get(c));
        }
        PartialState delegatorPost = post(e, results, e.delegator);
        long delegator = choose(e.delegator, star.delegator, delegatorPost.delegator);
        long registrar = choose(e.registrar, star.registrar, post(e, results, e.registrar).registrar);
        e.stagingSet = delegatorPost.stagingSet;
        e.authQueues = List.copyOf(queues);
        e.manager = star.manager;
        e.alwaysAccumulate = star.alwaysAccumulate;
        e.assigners = assigners;
        e.delegator = delegator;
        e.registrar = registrar;
    }

    /** (Δ(s))_e, which is e itself for a service not accumulated in this round. */
    private static PartialState post(PartialState e, Map<Long, AccumulationResult> results, long s) {
        AccumulationResult a = results.get(s);
        return a == null ? e : a.state();
    }

    /** R(o, a, b) = b when a = o, else a. */
    static long choose(long original, long byManager, long byHolder) {
        return byManager == original ? byHolder : byManager;
    }

    /**
     * δ' = (d ∪ n) \ m: each service's own account and the accounts new in its view are kept, the
     * accounts missing from its view are removed.
     */
    static void mergeAccounts(ServiceAccounts d, Map<Long, AccumulationResult> results) {
        Map<Long, ServiceInfo> infos = new LinkedHashMap<>();
        Map<StateKey, byte[]> items = new LinkedHashMap<>();
        Set<Long> removed = new TreeSet<>();
        Map<Long, Boolean> existed = new HashMap<>();
        for (Map.Entry<Long, AccumulationResult> en : results.entrySet()) {
            long s = en.getKey();
            ServiceAccounts view = en.getValue().state().accounts;
            for (Map.Entry<Long, ServiceInfo> ch : view.changedInfos().entrySet()) {
                long id = ch.getKey();
                boolean before = existed.computeIfAbsent(id, d::exists);
                if (id == s) {
                    if (ch.getValue() != null) infos.put(id, ch.getValue());
                } else if (!before) {
                    if (ch.getValue() != null) infos.put(id, ch.getValue());
                } else if (ch.getValue() == null) {
                    removed.add(id);
                }
            }
            for (Map.Entry<StateKey, byte[]> ch : view.changedItems().entrySet()) {
                long id = ServiceAccounts.serviceOf(ch.getKey());
                boolean before = existed.computeIfAbsent(id, d::exists);
                if (id == s || (!before && view.info(id) != null)) items.put(ch.getKey(), ch.getValue());
            }
        }
        for (Map.Entry<Long, ServiceInfo> en : infos.entrySet()) d.putInfo(en.getKey(), en.getValue());
        for (Map.Entry<StateKey, byte[]> en : items.entrySet()) {
            if (en.getValue() == null) d.removeItem(en.getKey());
            else d.putItem(en.getKey(), en.getValue());
        }
        for (long id : removed) d.removeAccount(id);
    }

    /** I(d, p) (eq. 12.18): provided preimages still requested as [] become available at τ'. */
    static void integratePreimages(AccumulationContext ctx, ServiceAccounts d, Set<Provision> provisions) {
        for (Provision p : provisions) {
            if (!d.exists(p.service())) continue;
            byte[] data = p.data().bytes();
            byte[] h = Blake2b256.hash(data);
            StateKey rk = StateKey.request(p.service(), h, data.length);
            long[] status = RequestStatus.decode(d.item(rk));
            if (status == null || status.length != 0) continue;
            d.putItem(rk, RequestStatus.encode(ctx.slot()));
            d.putItem(StateKey.preimage(p.service(), h), data);
        }
    }

    /** Sorts outputs by service then hash (θ', a set), dropping duplicates. */
    static List<AccumulationOutput> sorted(List<AccumulationOutput> b) {
        TreeSet<AccumulationOutput> set = new TreeSet<>(
                java.util.Comparator.comparingLong(AccumulationOutput::serviceId).thenComparing(AccumulationOutput::hash));
        set.addAll(b);
        return new ArrayList<>(set);
    }
}
