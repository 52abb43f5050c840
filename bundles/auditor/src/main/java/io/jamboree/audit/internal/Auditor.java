package io.jamboree.audit.internal;

import io.jamboree.audit.AuditActivity;
import io.jamboree.audit.AuditCounts;
import io.jamboree.audit.AuditedBlocks;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Ed25519;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.Block;
import io.jamboree.types.Culprit;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.Verdict;
import io.jamboree.types.WorkReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auditor (GP 0.7.2 §17) of the validators in this node's keystore, and the {@link AuditedBlocks} service.
 * It follows the importer's best chain; for each new block it works out {@code q} (the reports made available by the
 * block's assurances, over ρ of the prior state), and hands it to the {@link AuditEngine}: tranche-0 selection by
 * {@code s_0}, announcements (CE 144) to the other validators, the audit ({@link ReexecutionCheck}: the bundle from
 * the {@link BundleFetcher}, Ξ re-executed by the {@link WorkReportComputation}, compared with the report),
 * judgments (CE 145), later tranches for no-shows and negative judgments, and for a report judged bad a verdict,
 * culprits (its guarantors, from the guarantee in the chain) and faults to the block author's {@link ExtrinsicPool}.
 *
 * <p>Configured (optionally) by PID {@value #PID}: {@code trancheMs}, the tranche period (default: the chain's
 * {@code A} = 8 s scaled to {@code slotMs} when that is given, i.e. {@code 8/6} of a slot); {@code slotMs}, the slot
 * duration of a dev network ({@code jam run --slot-ms}).
 */
@Component(service = {AuditedBlocks.class, AuditActivity.class, Auditor.class}, immediate = true, configurationPid = Auditor.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class Auditor implements AuditedBlocks, AuditActivity {
    /** The configuration PID. */
    public static final String PID = "io.jamboree.auditor";
    /** The service property of a deliberately faulty work-report computation, which the auditor does not use. */
    public static final String FAULTY = "jamboree.liar";
    static final StreamKind CE_ANNOUNCE = StreamKind.of(144);
    static final StreamKind CE_JUDGMENT = StreamKind.of(145);
    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);
    private static final long POLL_MS = 100;
    private static final int MAX_DEPTH = 64;

    private final BlockImporter importer;
    private final ChainParams params;
    private final AuditEngine engine;
    private final ExecutorService audits = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    /** The validator set (κ) of the newest block seen: the peers CE 144/145 go to. */
    private volatile List<ValidatorKey> currentKeys = List.of();
    private final Thread loop;
    private final LinkedHashSet<Hash> seen = new LinkedHashSet<>();
    private volatile boolean running = true;
    private volatile Network network;
    private volatile BundleFetcher fetcher;
    private volatile WorkReportComputation computation;
    private volatile ExtrinsicPool pool;

    @Activate
    public Auditor(@Reference BlockImporter importer, @Reference Keystore keystore, Map<String, Object> config) {
        this.importer = importer;
        this.params = importer.params();
        long trancheMs = trancheMs(config, params);
        this.engine = new AuditEngine(params.validatorsCount(), params.auditBiasFactor(), trancheMs,
                keystore.validators(), new NetworkOutbox(), new ReexecutionCheck(importer, params, () -> fetcher,
                        () -> computation), new PoolSink(), audits);
        this.loop = Thread.ofPlatform().daemon().name("jam-auditor").unstarted(this::run);
        loop.start();
        LOG.info("audit: auditor of {} validator(s) started; tranche period {} ms", keystore.validators().size(),
                trancheMs);
    }

    static long trancheMs(Map<String, Object> config, ChainParams p) {
        Object t = config == null ? null : config.get("trancheMs");
        if (t != null && !t.toString().isBlank()) {
            return Math.max(10, Long.parseLong(t.toString().trim()));
        }
        Object s = config == null ? null : config.get("slotMs");
        if (s != null && !s.toString().isBlank()) {
            return Math.max(10, Long.parseLong(s.toString().trim()) * p.auditTrancheSeconds() / p.slotSeconds());
        }
        return p.auditTrancheSeconds() * 1000L;
    }

    @Deactivate
    void deactivate() {
        running = false;
        loop.interrupt();
        audits.shutdownNow();
        sends.shutdownNow();
        LOG.info("audit: stopped; {}", engine.statistics());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network n) {
        network = n;
    }

    void unbindNetwork(Network n) {
        if (network == n) {
            network = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindFetcher(BundleFetcher f) {
        fetcher = f;
    }

    void unbindFetcher(BundleFetcher f) {
        if (fetcher == f) {
            fetcher = null;
        }
    }

    /**
     * The highest-ranked computation serves (a plugin may replace the node's own), except one marked
     * {@value #FAULTY}{@code =true}: a deliberately faulty Ξ installed to test the auditors (the lying-guarantor
     * sample) corrupts the node's guarantees, not its audits. The DS property {@code computation.target} of PID
     * {@value #PID} overrides the filter.
     */
    @Reference(name = "computation", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY,
            target = "(!(" + Auditor.FAULTY + "=true))")
    void bindComputation(WorkReportComputation c) {
        computation = c;
    }

    void unbindComputation(WorkReportComputation c) {
        if (computation == c) {
            computation = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindPool(ExtrinsicPool p) {
        pool = p;
    }

    void unbindPool(ExtrinsicPool p) {
        if (pool == p) {
            pool = null;
        }
    }

    @Override
    public boolean isAudited(Hash block) {
        return engine.isAudited(block);
    }

    @Override
    public boolean isRejected(Hash block) {
        return engine.isRejected(block);
    }

    @Override
    public boolean isAwaitingAudit(Hash block) {
        return engine.isAwaitingAudit(block);
    }

    @Override
    public AuditCounts counts() {
        return engine.statistics().counts();
    }

    AuditStatistics statistics() {
        return engine.statistics();
    }

    /** CE 144 received from {@code peer}. */
    boolean receiveAnnouncement(PeerId peer, AuditAnnouncement a) {
        return engine.receiveAnnouncement(peer.key(), a);
    }

    /** CE 145 received. */
    boolean receiveJudgment(JudgmentPublication j) {
        return engine.receiveJudgment(j);
    }

    private void run() {
        long lastLog = System.currentTimeMillis();
        while (running) {
            try {
                scan();
                engine.tick(System.currentTimeMillis());
                if (System.currentTimeMillis() - lastLog > 30_000) {
                    lastLog = System.currentTimeMillis();
                    LOG.info("audit: statistics {}", engine.statistics());
                }
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("audit: scan failed: {}", e.toString(), e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Feeds the engine the best chain's blocks not seen yet, oldest first. */
    private void scan() {
        Optional<Hash> head = importer.bestHead();
        if (head.isEmpty() || seen.contains(head.get())) {
            return;
        }
        Deque<Block> fresh = new ArrayDeque<>();
        Hash h = head.get();
        for (int i = 0; i < MAX_DEPTH && !seen.contains(h); i++) {
            Optional<Block> b = importer.block(h);
            if (b.isEmpty()) {
                break;
            }
            fresh.push(b.get());
            h = b.get().header().parent();
        }
        for (Block b : fresh) {
            Hash hash = b.header().hash(params);
            seen.add(hash);
            if (seen.size() > 4 * AuditEngine.MAX_BLOCKS) {
                seen.remove(seen.iterator().next());
            }
            BlockAudit audit = blockAudit(b, hash);
            if (audit != null) {
                currentKeys = audit.validators();
                engine.blockImported(audit, System.currentTimeMillis());
            }
        }
    }

    /** {@code q} and the rest of what the engine needs of a block; null when the prior state is not at hand. */
    BlockAudit blockAudit(Block b, Hash hash) {
        Header header = b.header();
        Optional<List<KeyValue>> kvs = importer.state(header.parent());
        if (kvs.isEmpty()) {
            LOG.debug("audit: no prior state of block {}", hash);
            return null;
        }
        ChainState prior = StateCodec.decode(kvs.get(), params);
        int cores = params.coresCount();
        WorkReport[] q = available(prior.rho(), b.extrinsic().assurances().assurances(), cores,
                params.validatorsCount());
        WorkReport[] reports = new WorkReport[cores];
        Hash[] hashes = new Hash[cores];
        Map<Hash, List<Culprit>> culprits = new HashMap<>();
        Map<Hash, JudgmentPublication.Guarantee> guarantees = new HashMap<>();
        for (int c = 0; c < cores; c++) {
            if (q[c] != null) {
                reports[c] = q[c];
                hashes[c] = q[c].hash(params);
                Optional<ReportGuarantee> g = guaranteeOf(header.parent(), hashes[c]);
                if (g.isPresent()) {
                    culprits.put(hashes[c], culprits(g.get(), hashes[c], prior.kappa().keys(), prior.lambda().keys()));
                    int n = g.get().signatures().size();
                    if (n >= 2 && n <= 3) {
                        guarantees.put(hashes[c], new JudgmentPublication.Guarantee(g.get().slot(), g.get().signatures()));
                    }
                }
            }
        }
        byte[] entropy = BandersnatchVrf.vrfOutput(header.entropySource().bytes());
        return new BlockAudit(hash, header.slot(), entropy, params.epochOf(prior.tau()), prior.kappa().keys(),
                reports, hashes, culprits, guarantees);
    }

    /**
     * {@code q} (GP §17.3 eq. auditselection): per core, the report of ρ that the block's assurances made available
     * (W of GP §11.2, eq. 11.16: assured by more than two thirds of the validators), else null.
     */
    static WorkReport[] available(AvailabilityAssignments rho, List<AvailAssurance> assurances, int cores,
            int validators) {
        int[] counts = new int[cores];
        for (AvailAssurance a : assurances) {
            for (int c = 0; c < cores; c++) {
                if (a.isSet(c)) {
                    counts[c]++;
                }
            }
        }
        WorkReport[] q = new WorkReport[cores];
        for (int c = 0; c < cores; c++) {
            AvailabilityAssignment pending = c < rho.assignments().size() ? rho.get(c) : null;
            if (pending != null && 3 * counts[c] > 2 * validators) {
                q[c] = pending.report();
            }
        }
        return q;
    }

    /** The guarantee that put report {@code w} on its core, from the ancestors' guarantees extrinsics. */
    private Optional<ReportGuarantee> guaranteeOf(Hash from, Hash w) {
        Hash h = from;
        for (int i = 0; i < params.assuranceTimeoutPeriod() + 4; i++) {
            Optional<Block> b = importer.block(h);
            if (b.isEmpty()) {
                break;
            }
            for (ReportGuarantee g : b.get().extrinsic().guarantees().guarantees()) {
                if (g.report().hash(params).equals(w)) {
                    return Optional.of(g);
                }
            }
            h = b.get().header().parent();
        }
        return Optional.empty();
    }

    /**
     * The guarantors of report {@code w} as culprits (GP §10.2: key and signature on {@code X_G ⌢ H(w)}): each
     * signature of its guarantee matched against the keys of κ and λ.
     */
    static List<Culprit> culprits(ReportGuarantee g, Hash w, List<ValidatorKey> kappa, List<ValidatorKey> lambda) {
        List<Culprit> out = new ArrayList<>();
        byte[] msg = AuditContexts.guaranteeMessage(w);
        for (ValidatorSignature s : g.signatures()) {
            for (List<ValidatorKey> set : List.of(kappa, lambda)) {
                if (s.validatorIndex() < set.size()) {
                    ValidatorKey k = set.get(s.validatorIndex());
                    if (Ed25519.verify(k.ed25519().bytes(), msg, s.signature().bytes())) {
                        out.add(new Culprit(w, k.ed25519(), s.signature()));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** CE 144 and CE 145 to every connected validator of the current set. */
    private final class NetworkOutbox implements AuditPorts.Outbox {
        @Override
        public void announce(AuditAnnouncement a) {
            byte[] first = a.encodeFirst();
            byte[] evidence = a.encodeEvidence();
            broadcast(CE_ANNOUNCE, first, evidence);
        }

        @Override
        public void publish(JudgmentPublication j) {
            broadcast(CE_JUDGMENT, j.encodeFirst(), j.encodeGuarantee());
        }

        @Override
        public void forward(JudgmentPublication j, int[] validators) {
            broadcast(CE_JUDGMENT, j.encodeFirst(), j.encodeGuarantee(), validators);
        }

        private void broadcast(StreamKind kind, byte[] first, byte[] second) {
            broadcast(kind, first, second, null);
        }

        /** To the connected validators, or only to those with an index in {@code only} when it is given. */
        private void broadcast(StreamKind kind, byte[] first, byte[] second, int[] only) {
            Network net = network;
            if (net == null) {
                return;
            }
            // validators are addressed by their Ed25519 keys (a JAMNP-S peer id is the key), as GRANDPA and the
            // guarantor do: the node gives the network no validator set, so PeerInfo.validatorIndex stays empty
            List<ValidatorKey> keys = currentKeys;
            for (int i = 0; i < keys.size(); i++) {
                if (only != null && java.util.Arrays.binarySearch(only, i) < 0) {
                    continue;
                }
                PeerId id = new PeerId(keys.get(i).ed25519().bytes());
                if (net.peer(id).isEmpty()) {
                    continue; // ourselves, or not connected
                }
                try {
                    sends.execute(() -> send(net, id, kind, first, second));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    return; // stopping
                }
            }
        }

        private void send(Network net, PeerId id, StreamKind kind, byte[] first, byte[] second) {
            Stream s = null;
            try {
                s = net.openStream(id, kind).toCompletableFuture().get(5, TimeUnit.SECONDS);
                s.write(first);
                if (second != null) {
                    s.write(second);
                }
                s.finish();
                s.readFin();
            } catch (Exception e) {
                LOG.debug("audit: {} to {} failed: {}", kind, id, e.toString());
                if (s != null) {
                    s.reset("send failed");
                }
            }
        }
    }

    /** Disputes to the block author's pool. */
    private final class PoolSink implements AuditPorts.DisputeSink {
        @Override
        public void verdict(Verdict verdict) {
            ExtrinsicPool p = pool;
            if (p == null) {
                LOG.warn("audit: no extrinsic pool: verdict on {} not submitted", verdict.target());
                return;
            }
            LOG.info("audit: verdict on {} submitted: {}", AuditEngine.shortHex(verdict.target()),
                    p.submitVerdict(verdict));
        }

        @Override
        public void culprit(Culprit culprit) {
            ExtrinsicPool p = pool;
            if (p != null) {
                LOG.info("audit: culprit {} submitted: {}", culprit.key().hex().substring(0, 12),
                        p.submitCulprit(culprit));
            }
        }

        @Override
        public void fault(Fault fault) {
            ExtrinsicPool p = pool;
            if (p != null) {
                LOG.info("audit: fault {} submitted: {}", fault.key().hex().substring(0, 12), p.submitFault(fault));
            }
        }
    }
}
