package io.jamboree.vectors.internal.stf;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.AccumulationStatistic;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.accumulate.ServiceWrite;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.Hash;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.ServiceActivityRecord;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Checks {@link Accumulation} (GP §12) against one binary accumulate STF test vector
 * ({@code stf/accumulate/accumulate.asn}): the accounts of the pre-state become a {@link ServiceState}
 * keyed as in GP Appendix D.1 (raw storage keys → C(s, E_4(2^32−1) ⌢ k), preimages, requests, info);
 * the service writes are applied to it and compared item by item with the post-state, followed by
 * the ready queue, the accumulated history, the privileges, the accumulation statistics and the Keccak
 * Merkle root of the outputs θ' (GP §7, eq. 7.3).
 */
public final class AccumulateVectors {

    private AccumulateVectors() {}

    /** The state of an accumulate test vector. */
    public record VectorState(long slot, Hash entropy, ReadyQueue readyQueue, AccumulatedQueue accumulated,
            Privileges privileges, List<ServiceStatisticsEntry> statistics, VectorServices services) {}

    /** A decoded test case; output is the accumulation root, or null for an error output. */
    public record TestCase(long slot, List<WorkReport> reports, VectorState preState, Hash output,
            VectorState postState) {
        public static TestCase decode(byte[] bin, ChainParams p) {
            Decoder d = new Decoder(bin);
            long slot = d.u32();
            List<WorkReport> reports = d.varSeq(1, "reports", x -> WorkReport.decode(x, p));
            VectorState pre = state(d, p);
            Hash out = d.u8() == 0 ? Hash.decode(d) : null;
            VectorState post = state(d, p);
            d.expectEnd();
            return new TestCase(slot, reports, pre, out, post);
        }
    }

    /** Empty on success, else the first difference. */
    public static Optional<String> check(byte[] bin, ChainParams p, Accumulation accumulation) {
        TestCase tc;
        try {
            tc = TestCase.decode(bin, p);
        } catch (RuntimeException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(tc, p, accumulation);
    }

    /** Empty on success, else the first difference, for a decoded test case. */
    public static Optional<String> check(TestCase tc, ChainParams p, Accumulation accumulation) {
        VectorState pre = tc.preState();
        List<List<Hash>> zeroQueues = new ArrayList<>();
        for (int c = 0; c < p.coresCount(); c++) zeroQueues.add(Collections.nCopies(p.authQueueSize(), Hash.ZERO));
        AccumulationState state = new AccumulationState(pre.privileges(), new AuthQueues(zeroQueues), List.of(),
                pre.readyQueue(), pre.accumulated());
        AccumulationOutcome out = accumulation.accumulate(p, tc.slot(), pre.slot(), pre.entropy(), tc.reports(), state,
                pre.services());

        VectorState post = tc.postState();
        TreeMap<StateKey, byte[]> actual = new TreeMap<>(pre.services().entries);
        for (ServiceWrite w : out.serviceWrites()) {
            switch (w) {
                case ServiceWrite.Put(StateKey k, byte[] v) -> actual.put(k, v);
                case ServiceWrite.Remove(StateKey k) -> actual.remove(k);
            }
        }
        Optional<String> d = compareAccounts(post.services(), actual);
        if (d.isPresent()) return d;
        List<ServiceStatisticsEntry> stats = new ArrayList<>();
        for (AccumulationStatistic s : out.statistics()) {
            stats.add(new ServiceStatisticsEntry(s.serviceId(),
                    new ServiceActivityRecord(0, 0, 0, 0, 0, 0, 0, 0, s.count(), s.gasUsed())));
        }
        d = StfCheck.diff("post_state", FIELDS, fields(post.readyQueue(), post.accumulated(), post.privileges(),
                post.statistics(), p), fields(out.state().readyQueue(), out.state().accumulated(),
                out.state().privileges(), stats, p));
        if (d.isPresent()) return d;
        List<byte[]> leaves = new ArrayList<>();
        for (AccumulationOutput o : out.outputs()) {
            Encoder e = new Encoder(36);
            o.encode(e, p);
            leaves.add(e.toByteArray());
        }
        byte[] root = BinaryMerkle.wellBalancedRoot(leaves, HashFunction.KECCAK_256);
        if (tc.output() == null) return Optional.of("vector expects an error output; accumulation has none");
        return StfCheck.compare("output", tc.output().bytes(), root);
    }

    private static Optional<String> compareAccounts(VectorServices expected, TreeMap<StateKey, byte[]> actual) {
        for (Map.Entry<StateKey, byte[]> en : expected.entries.entrySet()) {
            byte[] a = actual.get(en.getKey());
            String what = "post_state.accounts " + expected.labels.get(en.getKey());
            if (a == null) return Optional.of(what + " missing");
            Optional<String> d = StfCheck.compare(what, en.getValue(), a);
            if (d.isPresent()) return d;
        }
        for (StateKey k : actual.keySet()) {
            if (!expected.entries.containsKey(k)) {
                return Optional.of("post_state.accounts has unexpected item " + k + " = "
                        + Hex.encode(abbreviate(actual.get(k))));
            }
        }
        return Optional.empty();
    }

    private static byte[] abbreviate(byte[] b) {
        return b.length <= 64 ? b : Arrays.copyOf(b, 64);
    }

    /** The state fields besides the accounts, in {@code accumulate.asn} order. */
    private static final List<String> FIELDS = List.of("ready_queue", "accumulated", "privileges", "statistics");

    private static byte[][] fields(ReadyQueue ready, AccumulatedQueue accumulated, Privileges privileges,
            List<ServiceStatisticsEntry> statistics, ChainParams p) {
        return new byte[][] {
            StfCheck.encode(ready::encode, p), StfCheck.encode(accumulated::encode, p),
            StfCheck.encode(privileges::encode, p),
            new Encoder().varSeq(statistics, (x, v) -> v.encode(x, p)).toByteArray()
        };
    }

    private static VectorState state(Decoder d, ChainParams p) {
        long slot = d.u32();
        Hash entropy = Hash.decode(d);
        ReadyQueue rq = ReadyQueue.decode(d, p);
        AccumulatedQueue acc = AccumulatedQueue.decode(d, p);
        Privileges priv = Privileges.decode(d, p);
        List<ServiceStatisticsEntry> stats = d.varSeq(4, "statistics", x -> ServiceStatisticsEntry.decode(x, p));
        VectorServices services = new VectorServices();
        long n = d.natural();
        for (long i = 0; i < n; i++) services.readAccount(d, p);
        return new VectorState(slot, entropy, rq, acc, priv, stats, services);
    }

    /**
     * The service accounts of a vector state as a {@link ServiceState}: every item under its
     * GP D.1 state key, each labelled for difference reports.
     */
    public static final class VectorServices implements ServiceState {
        final TreeMap<StateKey, byte[]> entries = new TreeMap<>();
        final Map<StateKey, String> labels = new HashMap<>();
        private final Map<Long, ServiceInfo> infos = new HashMap<>();

        void readAccount(Decoder d, ChainParams p) {
            long id = d.u32();
            ServiceInfo info = ServiceInfo.decode(d, p);
            infos.put(id, info);
            Encoder e = new Encoder(96);
            info.encode(e, p);
            put(StateKey.serviceAccount(id), e.toByteArray(), "service " + id + " info");
            long ns = d.natural();
            for (long i = 0; i < ns; i++) {
                byte[] k = d.blob("storage key");
                byte[] v = d.blob("storage value");
                put(StateKey.storage(id, k), v, "service " + id + " storage " + Hex.encode(k));
            }
            long np = d.natural();
            for (long i = 0; i < np; i++) {
                Hash h = Hash.decode(d);
                byte[] blob = d.blob("preimage");
                put(StateKey.preimage(id, h.bytes()), blob, "service " + id + " preimage " + h);
            }
            long nr = d.natural();
            for (long i = 0; i < nr; i++) {
                Hash h = Hash.decode(d);
                long len = d.u32();
                long cnt = d.natural();
                Encoder v = new Encoder(13);
                v.natural(cnt);
                for (long j = 0; j < cnt; j++) v.u32(d.u32());
                put(StateKey.request(id, h.bytes(), len), v.toByteArray(),
                        "service " + id + " request (" + h + ", " + len + ")");
            }
        }

        private void put(StateKey k, byte[] v, String label) {
            entries.put(k, v);
            labels.put(k, label);
        }

        @Override
        public Optional<ServiceInfo> info(long serviceId) {
            return Optional.ofNullable(infos.get(serviceId));
        }

        @Override
        public Optional<byte[]> item(StateKey key) {
            if (key.bytes()[0] == (byte) StateKey.SERVICE_ACCOUNT_CHAPTER && isAccountKey(key)) return Optional.empty();
            byte[] v = entries.get(key);
            return v == null ? Optional.empty() : Optional.of(v.clone());
        }

        @Override
        public void forEachItem(long serviceId, BiConsumer<StateKey, byte[]> action) {
            for (Map.Entry<StateKey, byte[]> en : entries.entrySet()) {
                StateKey k = en.getKey();
                if (!isAccountKey(k) && serviceOf(k) == serviceId) action.accept(k, en.getValue().clone());
            }
        }

        private boolean isAccountKey(StateKey k) {
            return labels.getOrDefault(k, "").endsWith(" info");
        }

        private static long serviceOf(StateKey k) {
            byte[] b = k.bytes();
            return (b[0] & 0xFFL) | (b[2] & 0xFFL) << 8 | (b[4] & 0xFFL) << 16 | (b[6] & 0xFFL) << 24;
        }
    }
}
