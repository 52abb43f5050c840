package io.jamboree.grandpa.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.audit.AuditedBlocks;
import io.jamboree.importer.BestChain;
import io.jamboree.grandpa.FinalityListener;
import io.jamboree.grandpa.FinalizedBlock;
import io.jamboree.grandpa.FinalizedHead;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.Commit;
import io.jamboree.grandpa.internal.core.CommitCheck;
import io.jamboree.grandpa.internal.core.Equivocation;
import io.jamboree.grandpa.internal.core.InvalidMessageException;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.Round;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.SigningPayload;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.core.VoterSet;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUp;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUpRequest;
import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncFragment;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.store.ActiveStore;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * The GRANDPA voter (GP §19; spec/grandpa.md §4): plays rounds over JAMNP-S with the validator keys of the keystore
 * that are voters of the current set, and keeps the node's finalized head.
 *
 * <p>A Declarative Services component configured by PID {@value #PID} ({@code jam run} writes it for a network):
 * {@code slotMs}, the slot duration. The gossip delay T of spec/grandpa.md §6 is 1 s for 6 s slots (Polkadot's
 * {@code gossip_duration}); the spec gives it in time, not slots, but dev networks run slots of a second, where a
 * round of 4 T would span four slots, so we take <b>T = slot / 6</b> (1 s at the chain's 6 s, 166 ms at 1 s slots),
 * at least {@value #MIN_GOSSIP_MS} ms. {@code gossipMs} overrides it.
 *
 * <p>A round (HS {@code playGrandpaRound}): prevote at t0 + 2T (or when completable) for the best block descending
 * from the previous round's GHOST, capped at the first unfinalized set-change block; precommit the round's GHOST at
 * t0 + 4T (or when completable) once it is ≥ the previous estimate; next round once completable. Every vote is
 * written to the node store before it is signed and sent ({@link GrandpaStore}). A block the precommits finalize is
 * stored with its justification and a CE 150 commit goes to the other voters; a valid commit from another voter
 * finalizes too and moves this node to the round after it. A peer 2 or more rounds ahead (CE 151) is asked for a
 * catch-up (CE 152). A commit for a block not imported yet is remembered, and once the block is imported its
 * justification is asked of that peer (CE 130 client). Finalizing a set-change block (the first block of an epoch)
 * starts set id + 1 with κ of its posterior state, at round 1.
 *
 * <p>It also provides the node's {@link BestChain} (GP §19, {@link BestChainRule}) over its finalized block, votes
 * along it, and prunes the importer's forks that can no longer become final ({@link BlockImporter#pruneForks}) after
 * every finalization.
 *
 * <p>A node whose own keys reach the threshold (a lone dev node with every validator) completes a round every 4 T:
 * rounds run on whether or not a new block came, as in the HS algorithm, so the round number grows by about 1.5 per
 * slot there; with fewer keys and no peers it stays in its first round.
 */
// immediate: the voter plays rounds from the start, whether or not a vote has arrived or a service asked for it
@Component(configurationPid = GrandpaVoter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {FinalizedHead.class, BestChain.class, GrandpaVoter.class}, immediate = true)
public final class GrandpaVoter implements FinalizedHead, BestChain {
    private static final Logger LOG = LoggerFactory.getLogger(GrandpaVoter.class);
    /** The configuration PID. */
    public static final String PID = "io.jamboree.grandpa";
    /** The shortest gossip delay T. */
    static final long MIN_GOSSIP_MS = 100;
    static final StreamKind CE_JUSTIFICATION = StreamKind.of(130);
    static final StreamKind CE_VOTE = StreamKind.of(149);
    static final StreamKind CE_COMMIT = StreamKind.of(150);
    static final StreamKind CE_STATE = StreamKind.of(151);
    static final StreamKind CE_CATCH_UP = StreamKind.of(152);
    static final StreamKind CE_WARP_SYNC = StreamKind.of(153);
    /** Votes for blocks not imported yet kept for later, at most. */
    static final int MAX_PENDING = 4096;
    /** Blocks whose justification we mean to ask for (CE 130), at most. */
    static final int MAX_WANTED = 64;

    private final BlockImporter importer;
    private final ChainParams params;
    private final ChainAncestry chain;
    private final GrandpaStore store;
    private final Keystore keystore;
    private final GrandpaCodec codec;
    private final long gossipMs;
    private final List<FinalityListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService notifier;
    private final Thread loop;
    private final AtomicLong equivocations = new AtomicLong();
    private volatile Network network;
    /** The auditors' verdicts (GP §17), when the node runs them; else every block counts as audited. */
    private volatile AuditedBlocks audits;
    private final BestChainRule bestRule;
    /** The finalized block, readable without the voter's lock (the best-chain rule runs on callers' threads). */
    private volatile BlockRef finalizedNow;
    private volatile boolean running = true;

    // ---- guarded by this ----
    private BlockRef finalized;
    private VoterSet voters;
    private BlockRef setBase;
    private long roundNo;
    private Round current;
    private Round previous;
    /** estimate(r-1) and ghost(r-1) for the round being played. */
    private BlockRef prevEstimate;
    private BlockRef prevGhost;
    private final List<VoteMessage> pending = new ArrayList<>();
    private final Map<PeerId, Long> catchUpAsked = new HashMap<>();
    private final Map<PeerId, Long> commitSent = new HashMap<>();
    private final Map<PeerId, Long> warpAsked = new HashMap<>();
    /** Blocks a peer's commit named before we imported them: their justifications are asked for (CE 130) later. */
    private final Map<Hash, PeerId> justificationWanted = new java.util.LinkedHashMap<>();
    private BlockRef proposal;
    private volatile List<ValidatorSecrets> ours = List.of();

    @Activate
    public GrandpaVoter(@Reference BlockImporter importer, @Reference ActiveStore store, @Reference Keystore keystore,
            Map<String, Object> config) {
        this.importer = importer;
        this.params = importer.params();
        this.chain = new ChainAncestry(importer);
        this.bestRule = new BestChainRule(chain);
        this.store = new GrandpaStore(store);
        this.keystore = keystore;
        this.codec = new GrandpaCodec(params);
        this.gossipMs = gossip(config, params);
        this.notifier = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("jam-grandpa-notify")
                .unstarted(r));
        this.loop = Thread.ofPlatform().daemon().name("jam-grandpa").unstarted(this::run);
        loop.start();
    }

    static long gossip(Map<String, Object> config, ChainParams p) {
        Object g = config.get("gossipMs");
        if (g != null && !g.toString().isBlank()) {
            return Math.max(MIN_GOSSIP_MS, Long.parseLong(g.toString().trim()));
        }
        Object s = config.get("slotMs");
        long slot = s != null && !s.toString().isBlank() ? Long.parseLong(s.toString().trim()) : p.slotSeconds() * 1000L;
        return Math.max(MIN_GOSSIP_MS, slot / 6);
    }

    @Deactivate
    void deactivate() {
        running = false;
        loop.interrupt();
        sender.shutdownNow();
        notifier.shutdownNow();
        synchronized (this) {
            notifyAll();
        }
        LOG.info("grandpa: stopped at round {} of set {}, finalized {}; {} equivocations seen", roundNo,
                voters == null ? -1 : voters.setId(), finalized, equivocations.get());
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
    void bindAudits(AuditedBlocks a) {
        audits = a;
    }

    void unbindAudits(AuditedBlocks a) {
        if (audits == a) {
            audits = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(FinalityListener l) {
        listeners.add(l);
    }

    void unbindListener(FinalityListener l) {
        listeners.remove(l);
    }

    // ---- FinalizedHead ----

    @Override
    public synchronized FinalizedBlock finalized() {
        if (finalized == null) {
            BlockRef r = chain.root().orElseThrow(() -> new IllegalStateException("the importer holds no chain"));
            return new FinalizedBlock(r.hash(), r.slot());
        }
        return new FinalizedBlock(finalized.hash(), finalized.slot());
    }

    @Override
    public synchronized long setId() {
        return voters == null ? 0 : voters.setId();
    }

    @Override
    public synchronized long round() {
        return roundNo;
    }

    // ---- BestChain ----

    /**
     * The best block (GP §19, {@link BestChainRule}) above our finalized block; blocks the auditors rejected are not
     * acceptable; with no auditor every block counts as audited. The importer's best head until the voter started.
     */
    @Override
    public Optional<Hash> bestHead() {
        BlockRef f = finalizedNow;
        if (f == null) {
            return importer.bestHead();
        }
        AuditedBlocks a = audits;
        return Optional.of(bestRule.best(f, a == null ? h -> false : a::isRejected));
    }

    /** Equivocations by other voters seen so far. */
    long equivocations() {
        return equivocations.get();
    }

    GrandpaCodec codec() {
        return codec;
    }

    ChainParams params() {
        return params;
    }

    GrandpaStore store() {
        return store;
    }

    // ---- the round loop ----

    private void run() {
        try {
            while (running && importer.bestHead().isEmpty()) {
                Thread.sleep(100);
            }
            start();
            while (running) {
                playRound();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("grandpa: the voter stopped: {}", e.toString(), e);
            }
        }
    }

    private synchronized void start() {
        BlockRef root = chain.root().orElseThrow();
        Optional<GrandpaStore.State> saved = store.load();
        if (saved.isPresent() && chain.stateRoot(saved.get().finalized().hash()).isPresent()) {
            GrandpaStore.State s = saved.get();
            finalized = s.finalized();
            voters = new VoterSet(s.setId(), s.voters());
            setBase = s.setBase();
            roundNo = Math.max(1, s.round());
            LOG.info("grandpa: resuming set {} at round {}, finalized {} (slot {})", s.setId(), roundNo,
                    finalized.hash(), finalized.slot());
        } else {
            finalized = root;
            setBase = root;
            voters = new VoterSet(0, chain.validators(root.hash()).orElseThrow(
                    () -> new IllegalStateException("no validators (κ) in the state of " + root.hash())));
            roundNo = 1;
            persist();
            LOG.info("grandpa: set 0 of {} voters from {} (slot {})", voters.size(), root.hash(), root.slot());
        }
        prevEstimate = finalized;
        prevGhost = finalized;
        finalizedNow = finalized;
        localKeys();
        prune(finalized);
    }

    private void localKeys() {
        List<ValidatorSecrets> mine = new ArrayList<>();
        for (ValidatorSecrets s : keystore.validators()) {
            if (voters.contains(s.ed25519())) {
                mine.add(s);
            }
        }
        ours = mine;
        LOG.info("grandpa: set {}: {} voters, threshold {}; this node votes with {} of them; T = {} ms",
                voters.setId(), voters.size(), voters.threshold(), mine.size(), gossipMs);
    }

    private void persist() {
        store.save(new GrandpaStore.State(finalized, voters.setId(), setBase, voters.keys(), roundNo));
    }

    private void playRound() throws InterruptedException {
        long n;
        Round r;
        boolean primary;
        synchronized (this) {
            n = roundNo;
            Ed25519Public p = voters.primary(n);
            primary = ours.stream().anyMatch(k -> k.ed25519().equals(p));
            r = new Round(n, voters, finalized, chain);
            current = r;
            proposal = null;
            persist();
            retryPending();
        }
        broadcastState();
        long t0 = System.currentTimeMillis();
        if (primary) {
            propose(n);
        }
        // prevote
        if (!await(r, t0 + 2 * gossipMs, r::completable)) {
            return;
        }
        synchronized (this) {
            if (current != r) {
                return;
            }
            cast(r, MessageType.PREVOTE, prevoteTarget());
        }
        // precommit: ghost(r) >= estimate(r-1), and t0 + 4T passed or completable
        long lastResend = System.currentTimeMillis();
        while (true) {
            synchronized (this) {
                if (current != r || !running) {
                    return;
                }
                retryPending();
                Optional<BlockRef> g = r.ghost();
                boolean ghostOk = g.isPresent() && chain.descends(g.get(), prevEstimate);
                if (ghostOk && (System.currentTimeMillis() >= t0 + 4 * gossipMs || r.completable())) {
                    cast(r, MessageType.PRECOMMIT, g.get());
                    break;
                }
                wait(gossipMs / 4 + 1);
            }
            lastResend = resendIfStalled(r, lastResend);
        }
        // wait until completable; meanwhile re-send our votes now and then (peers restarting need them)
        while (true) {
            synchronized (this) {
                if (current != r || !running) {
                    return;
                }
                retryPending();
                tryFinalize(r);
                if (r.completable()) {
                    previous = r;
                    prevEstimate = r.estimate().orElse(finalized);
                    prevGhost = r.ghost().orElse(finalized);
                    if (!chain.descends(prevEstimate, finalized)) {
                        prevEstimate = finalized;
                    }
                    if (!chain.descends(prevGhost, finalized)) {
                        prevGhost = finalized;
                    }
                    roundNo = n + 1;
                    LOG.debug("grandpa: round {} of set {} completed: ghost slot {}, estimate slot {}, finalized slot {}",
                            n, voters.setId(), prevGhost.slot(), prevEstimate.slot(), finalized.slot());
                    return;
                }
                wait(gossipMs / 4 + 1);
            }
            lastResend = resendIfStalled(r, lastResend);
        }
    }

    /** Waits until {@code deadline} or {@code early}; false if the round {@code r} was left meanwhile. */
    private boolean await(Round r, long deadline, java.util.function.BooleanSupplier early)
            throws InterruptedException {
        synchronized (this) {
            while (running && current == r) {
                retryPending();
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || early.getAsBoolean()) {
                    return true;
                }
                wait(Math.min(left, gossipMs / 4 + 1));
            }
            return false;
        }
    }

    private long resendIfStalled(Round r, long last) {
        long now = System.currentTimeMillis();
        if (now - last < 8 * gossipMs) {
            return last;
        }
        List<SignedMessage> mine = new ArrayList<>();
        List<SignedMessage> older = new ArrayList<>();
        long olderRound = -1;
        synchronized (this) {
            LOG.info("grandpa: round {} of set {} waiting: {} prevotes (ghost {}), {} precommits (estimate {},"
                    + " completable {}); previous estimate slot {}, ghost slot {}; finalized slot {}; {} votes pending;"
                    + " {} peers", r.number(), r.voters().setId(), r.prevoteParticipants(),
                    r.ghost().map(BlockRef::slot).orElse(-1L), r.precommitParticipants(),
                    r.estimate().map(BlockRef::slot).orElse(-1L), r.completable(), prevEstimate.slot(),
                    prevGhost.slot(), finalized.slot(), pending.size(),
                    network == null ? -1 : network.peers().size());
            for (SignedMessage m : r.prevotes()) {
                if (isOurs(m.voter())) {
                    mine.add(m);
                }
            }
            for (SignedMessage m : r.precommits()) {
                if (isOurs(m.voter())) {
                    mine.add(m);
                }
            }
            // and our precommits of the round before: a peer still in it needs them to complete it
            Round p = previous;
            if (p != null && p.voters().setId() == r.voters().setId() && p.number() < r.number()) {
                olderRound = p.number();
                for (SignedMessage m : p.precommits()) {
                    if (isOurs(m.voter())) {
                        older.add(m);
                    }
                }
            }
        }
        for (SignedMessage m : mine) {
            broadcast(CE_VOTE, codec.encode(new VoteMessage(r.number(), r.voters().setId(), m)));
        }
        for (SignedMessage m : older) {
            broadcast(CE_VOTE, codec.encode(new VoteMessage(olderRound, r.voters().setId(), m)));
        }
        broadcastState();
        return now;
    }

    private boolean isOurs(Ed25519Public k) {
        for (ValidatorSecrets s : ours) {
            if (s.ed25519().equals(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The prevote target (spec/grandpa.md §4.2 step 3): the primary's proposal if it lies in (estimate(r-1),
     * ghost(r-1)], else ghost(r-1); extended to the best head when that descends from it; capped at the first
     * set-change block above the finalized one (never vote past it before it is final).
     */
    private BlockRef prevoteTarget() {
        BlockRef base = prevGhost;
        if (proposal != null && chain.descends(proposal, prevEstimate) && !proposal.equals(prevEstimate)
                && chain.descends(prevGhost, proposal)) {
            base = proposal;
        }
        BlockRef target = base;
        Optional<Hash> best = bestHead();
        if (best.isPresent()) {
            Optional<Header> h = chain.header(best.get());
            if (h.isPresent()) {
                BlockRef b = new BlockRef(best.get(), h.get().slot());
                if (chain.descends(b, base)) {
                    target = b;
                }
            }
        }
        BlockRef extended = target;
        Optional<BlockRef> change = chain.firstSetChange(finalized, target);
        if (change.isPresent()) {
            target = change.get();
            if (!chain.descends(target, base)) {
                target = base;
            }
        }
        if (best.isPresent() && extended.equals(base) && !best.get().equals(base.hash())) {
            LOG.info("grandpa: the best head {} does not descend from the prevote base {} (slot {}): voting for the"
                    + " base", best.get(), base.hash(), base.slot());
        }
        LOG.debug("grandpa: prevote target: base slot {} ({}), best {}, extended to slot {}, set change {}", base.slot(),
                base.hash(), best.orElse(null), extended.slot(), change.map(BlockRef::slot).orElse(-1L));
        return target;
    }

    /** Casts our vote(s) of {@code type} for {@code block} in round {@code r}: recorded durably first, then sent. */
    private void cast(Round r, MessageType type, BlockRef block) {
        Optional<Hash> root = chain.stateRoot(block.hash());
        if (root.isEmpty()) {
            LOG.warn("grandpa: no state root for {}: not voting", block.hash());
            return;
        }
        Vote wanted = new Vote(new Target(block.hash(), root.get()), block.slot());
        for (ValidatorSecrets k : ours) {
            Vote v = store.recordVote(r.voters().setId(), r.number(), type, k.ed25519(), wanted);
            if (!v.equals(wanted)) {
                LOG.info("grandpa: already voted {} in round {} of set {} (before a restart): keeping that vote",
                        type, r.number(), r.voters().setId());
            }
            SignedMessage m = SigningPayload.sign(type, v, r.number(), r.voters().setId(), k.ed25519SecretSeed(),
                    k.ed25519());
            count(r, m);
            broadcast(CE_VOTE, codec.encode(new VoteMessage(r.number(), r.voters().setId(), m)));
        }
        LOG.debug("grandpa: {} for slot {} in round {} of set {}", type, block.slot(), r.number(),
                r.voters().setId());
        if (type == MessageType.PRECOMMIT) {
            tryFinalize(r);
        }
    }

    private void propose(long n) {
        BlockRef p;
        synchronized (this) {
            if (current == null || current.number() != n || prevEstimate.equals(finalized) || !chain.descends(prevEstimate, finalized)) {
                return;
            }
            p = prevEstimate;
        }
        Optional<Hash> root = chain.stateRoot(p.hash());
        if (root.isEmpty()) {
            return;
        }
        Vote v = new Vote(new Target(p.hash(), root.get()), p.slot());
        for (ValidatorSecrets k : ours) {
            if (k.ed25519().equals(voters.primary(n))) {
                SignedMessage m = SigningPayload.sign(MessageType.PRIMARY_PROPOSE, v, n, voters.setId(),
                        k.ed25519SecretSeed(), k.ed25519());
                broadcast(CE_VOTE, codec.encode(new VoteMessage(n, voters.setId(), m)));
            }
        }
    }

    private void count(Round r, SignedMessage m) {
        Round.Outcome o = m.type() == MessageType.PREVOTE ? r.prevote(m) : r.precommit(m);
        if (o == Round.Outcome.EQUIVOCATION) {
            equivocations.incrementAndGet();
            for (Equivocation e : r.equivocations()) {
                if (e.voter().equals(m.voter()) && e.stage() == m.type()) {
                    LOG.warn("grandpa: EQUIVOCATION by voter {} in round {} of set {}: {} for {} (slot {}) and for {}"
                            + " (slot {}); it now counts for every block of that stage", e.voter(), e.round(),
                            e.setId(), e.stage(), e.first().vote().target().header(), e.first().vote().slot(),
                            e.second().vote().target().header(), e.second().vote().slot());
                }
            }
        }
        notifyAll();
    }

    /** Finalizes what round {@code r}'s precommits finalize, if it is beyond our finalized block. */
    private void tryFinalize(Round r) {
        if (r.voters().setId() != voters.setId()) {
            return;
        }
        Optional<BlockRef> f = r.finalized();
        if (f.isEmpty() || f.get().equals(finalized) || !chain.descends(f.get(), finalized)) {
            return;
        }
        Optional<Hash> root = chain.stateRoot(f.get().hash());
        if (root.isEmpty()) {
            return;
        }
        Vote target = new Vote(new Target(f.get().hash(), root.get()), f.get().slot());
        List<SignedMessage> pcs = new ArrayList<>();
        Map<Ed25519Public, Integer> per = new HashMap<>();
        for (SignedMessage m : r.precommits()) {
            per.merge(m.voter(), 1, Integer::sum);
        }
        for (SignedMessage m : r.precommits()) {
            if (per.get(m.voter()) > 1 || chain.descends(m.vote().block(), f.get())) {
                pcs.add(m);
            }
        }
        Justification j = new Justification(r.number(), r.voters().setId(), new Commit(target, pcs), List.of());
        finalize(f.get(), j);
        broadcast(CE_COMMIT, codec.encode(new CommitMessage(j.round(), j.setId(), j.commit())));
    }

    /** Makes {@code f} (checked ≥ our finalized block) the finalized head, justified by {@code j}. */
    private void finalize(BlockRef f, Justification j) {
        BlockRef old = finalized;
        store.saveJustification(f.hash(), codec.encode(j));
        finalized = f;
        finalizedNow = f;
        Optional<BlockRef> change = chain.firstSetChange(old, f);
        if (change.isPresent()) {
            Optional<List<Ed25519Public>> keys = chain.validators(change.get().hash());
            if (keys.isPresent()) {
                long next = voters.setId() + 1;
                store.saveSetChange(voters.setId(), change.get().hash());
                voters = new VoterSet(next, keys.get());
                setBase = f;
                roundNo = 1;
                current = null;
                previous = null;
                prevEstimate = f;
                prevGhost = f;
                pending.clear();
                localKeys();
                LOG.info("grandpa: set change at {} (slot {}): set {} begins", change.get().hash(),
                        change.get().slot(), next);
            } else {
                LOG.warn("grandpa: the state of set-change block {} is not kept: staying in set {}",
                        change.get().hash(), voters.setId());
            }
        }
        persist();
        long bestSlot = bestHead().flatMap(chain::header).map(Header::slot).orElse(-1L);
        String line = "grandpa: finalized " + f.hash() + " (slot " + f.slot() + ") in round " + j.round() + " of set "
                + j.setId() + "; best head at slot " + bestSlot;
        System.out.println(line);
        System.out.flush();
        LOG.debug(line);
        FinalizedBlock fb = new FinalizedBlock(f.hash(), f.slot());
        try {
            notifier.execute(() -> {
                for (FinalityListener l : listeners) {
                    try {
                        l.finalized(fb);
                    } catch (RuntimeException e) {
                        LOG.warn("grandpa: finality listener {} failed: {}", l, e.toString());
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
        prune(f);
        notifyAll();
    }

    /** Pruning by finality (GP §19), off the voter's lock: the importer forgets the forks beside {@code f}'s chain. */
    private void prune(BlockRef f) {
        try {
            notifier.execute(() -> {
                try {
                    int n = importer.pruneForks(f.hash());
                    if (n > 0) {
                        LOG.info("grandpa: pruned {} blocks on forks that cannot become final (finalized slot {})", n,
                                f.slot());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("grandpa: pruning the forks of {} failed: {}", f.hash(), e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    // ---- incoming messages (stream handlers) ----

    /** A CE 149 vote from {@code peer}. */
    synchronized void receiveVote(PeerId peer, VoteMessage m) throws ProtocolViolationException {
        if (voters == null || m.setId() != voters.setId()) {
            return; // another set: the state messages sort that out
        }
        if (!voters.contains(m.message().voter())) {
            throw new ProtocolViolationException("CE 149: vote by " + m.message().voter() + ", not a voter of set "
                    + m.setId());
        }
        if (!m.message().verify(m.round(), m.setId())) {
            throw new ProtocolViolationException("CE 149: bad signature by " + m.message().voter() + " in round "
                    + m.round());
        }
        accept(m);
    }

    private void accept(VoteMessage m) {
        Round r = m.round() == roundNo ? current : previous != null && previous.number() == m.round() ? previous
                : null;
        if (m.round() > roundNo || (r == null && m.round() == roundNo)) {
            if (m.round() <= roundNo + 2 && pending.size() < MAX_PENDING) {
                pending.add(m);
            }
            return;
        }
        if (r == null) {
            return;
        }
        Vote v = m.message().vote();
        Optional<Hash> root = chain.stateRoot(v.target().header());
        if (root.isEmpty()) {
            if (pending.size() < MAX_PENDING) {
                pending.add(m); // the block is not imported yet
            }
            return;
        }
        if (!root.get().equals(v.target().stateRoot())) {
            LOG.info("grandpa: vote by {} names {} with state root {}, ours is {}: ignored", m.message().voter(),
                    v.target().header(), v.target().stateRoot(), root.get());
            return;
        }
        if (m.message().type() == MessageType.PRIMARY_PROPOSE) {
            if (r == current && m.message().voter().equals(voters.primary(m.round()))) {
                proposal = v.block();
            }
            return;
        }
        count(r, m.message());
        if (m.message().type() == MessageType.PRECOMMIT) {
            tryFinalize(r);
        }
    }

    private void retryPending() {
        askJustifications();
        if (pending.isEmpty()) {
            return;
        }
        List<VoteMessage> again = new ArrayList<>(pending);
        pending.clear();
        for (VoteMessage m : again) {
            if (m.setId() == voters.setId() && m.round() + 1 >= roundNo) {
                accept(m);
            }
        }
    }

    /**
     * CE 130 client: for each block a commit named before it was imported, now imported and above our finalized block,
     * the peer that sent the commit is asked for the block's justification; a valid one finalizes the block.
     */
    private void askJustifications() {
        if (justificationWanted.isEmpty()) {
            return;
        }
        var it = justificationWanted.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Hash, PeerId> e = it.next();
            Optional<Header> h = chain.header(e.getKey());
            if (h.isEmpty()) {
                continue;
            }
            it.remove();
            if (h.get().slot() <= finalized.slot()) {
                continue;
            }
            Hash block = e.getKey();
            PeerId peer = e.getValue();
            long set = voters.setId();
            try {
                sender.execute(() -> fetchJustification(peer, block, set));
            } catch (java.util.concurrent.RejectedExecutionException x) {
                return; // shutting down
            }
        }
    }

    private void fetchJustification(PeerId peer, Hash block, long set) {
        try {
            byte[] resp = request(peer, CE_JUSTIFICATION, codec.encode(
                    new io.jamboree.grandpa.internal.protocol.Messages.JustificationRequest(block)));
            if (resp == null) {
                return;
            }
            Justification j = codec.decodeJustification(resp);
            synchronized (this) {
                if (voters.setId() != set || j.setId() != set) {
                    return;
                }
                Optional<Header> h = chain.header(block);
                if (h.isEmpty()) {
                    return;
                }
                BlockRef b = new BlockRef(block, h.get().slot());
                if (!j.commit().target().block().equals(b) || b.equals(finalized) || !chain.descends(b, finalized)) {
                    return;
                }
                CommitCheck.verify(j, voters, chain, params);
                LOG.info("grandpa: justification of {} (slot {}, round {}) from {} over CE 130", block, b.slot(),
                        j.round(), peer);
                adopt(peer, b, j);
            }
        } catch (Exception e) {
            LOG.info("grandpa: CE 130 justification request for {} to {} failed: {}", block, peer, e.toString());
        }
    }

    /** Finalizes {@code b} by the checked justification {@code j} from {@code peer}, moving on past its round. */
    private void adopt(PeerId peer, BlockRef b, Justification j) {
        long set = voters.setId();
        finalize(b, j);
        if (voters.setId() == set && j.round() >= roundNo) {
            LOG.info("grandpa: commit of round {} from {}: moving on to round {}", j.round(), peer, j.round() + 1);
            roundNo = j.round() + 1;
            current = null;
            previous = null;
            prevEstimate = finalized;
            prevGhost = finalized;
            notifyAll();
        }
    }

    /** A CE 150 commit from {@code peer}. */
    synchronized void receiveCommit(PeerId peer, CommitMessage m) throws ProtocolViolationException {
        if (voters == null || m.setId() != voters.setId()) {
            return;
        }
        Vote t = m.commit().target();
        BlockRef tb = t.block();
        if (tb.equals(finalized) || tb.slot() <= finalized.slot() && chain.descends(finalized, tb)) {
            return; // known
        }
        Optional<Hash> root = chain.stateRoot(tb.hash());
        if (root.isEmpty()) {
            LOG.debug("grandpa: commit from {} for the unknown block {}; its justification is asked for once imported",
                    peer, tb.hash());
            if (justificationWanted.size() >= MAX_WANTED) {
                justificationWanted.remove(justificationWanted.keySet().iterator().next()); // the oldest
            }
            justificationWanted.put(tb.hash(), peer);
            return;
        }
        if (!root.get().equals(t.target().stateRoot())) {
            throw new ProtocolViolationException("CE 150: commit target with a state root that is not the block's");
        }
        try {
            CommitCheck.verify(m.commit(), m.round(), m.setId(), voters, chain);
        } catch (InvalidMessageException e) {
            throw new ProtocolViolationException("CE 150: invalid commit from " + peer + ": " + e.getMessage());
        }
        if (!chain.descends(tb, finalized)) {
            LOG.error("grandpa: a valid commit from {} finalizes {} (slot {}), which is not on our finalized chain",
                    peer, tb.hash(), tb.slot());
            return;
        }
        adopt(peer, tb, new Justification(m.round(), m.setId(), m.commit(), List.of()));
    }

    /** A CE 151 state message: the peer's round. */
    void receiveState(PeerId peer, StateMessage m) {
        long ourRound;
        long ourSet;
        BlockRef fin;
        synchronized (this) {
            if (voters == null) {
                return;
            }
            ourRound = roundNo;
            ourSet = voters.setId();
            fin = finalized;
        }
        if (m.setId() == ourSet && m.round() >= ourRound + 2) {
            synchronized (this) {
                Long asked = catchUpAsked.get(peer);
                if (asked != null && asked >= ourRound) {
                    return;
                }
                catchUpAsked.put(peer, ourRound);
            }
            sender.execute(() -> catchUp(peer, ourRound, ourSet));
        } else if (m.setId() == ourSet && m.finalizedSlot() < fin.slot()) {
            // behind on finality: our latest justification lets it catch up (a commit for a round it may not have)
            synchronized (this) {
                Long sent = commitSent.get(peer);
                if (sent != null && sent >= fin.slot()) {
                    return;
                }
                commitSent.put(peer, fin.slot());
            }
            Optional<byte[]> j = store.justification(fin.hash());
            if (j.isPresent()) {
                Justification just = codec.decodeJustification(j.get());
                if (just.setId() == ourSet) {
                    send(peer, CE_COMMIT, codec.encode(new CommitMessage(just.round(), just.setId(), just.commit())));
                }
            }
        } else if (m.setId() > ourSet) {
            synchronized (this) {
                Long asked = warpAsked.get(peer);
                if (asked != null && asked >= ourSet) {
                    return;
                }
                warpAsked.put(peer, ourSet);
            }
            sender.execute(() -> warpSync(peer, ourSet));
        }
    }

    /** A CE 152 request: the votes of our last completed round, if it is ahead of the requester's. */
    synchronized Optional<CatchUp> catchUpFor(CatchUpRequest req) {
        Round p = previous;
        if (voters == null || req.setId() != voters.setId() || p == null || p.number() <= req.round()) {
            return Optional.empty();
        }
        Optional<Hash> root = chain.stateRoot(p.base().hash());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CatchUp(p.number(), p.prevotes(), p.precommits(),
                new Vote(new Target(p.base().hash(), root.get()), p.base().slot())));
    }

    private void catchUp(PeerId peer, long ourRound, long ourSet) {
        try {
            byte[] resp = request(peer, CE_CATCH_UP, codec.encode(new CatchUpRequest(ourRound, ourSet)));
            if (resp == null) {
                return;
            }
            CatchUp cu = codec.decodeCatchUp(resp);
            applyCatchUp(peer, cu, ourSet);
        } catch (Exception e) {
            LOG.info("grandpa: catch-up from {} failed: {}", peer, e.toString());
            synchronized (this) {
                catchUpAsked.remove(peer);
            }
        }
    }

    private synchronized void applyCatchUp(PeerId peer, CatchUp cu, long set) throws InvalidMessageException {
        if (voters.setId() != set || cu.round() < roundNo) {
            return;
        }
        BlockRef base = cu.base().block();
        if (chain.stateRoot(base.hash()).isEmpty()) {
            throw new InvalidMessageException("catch-up base " + base.hash() + " is unknown here");
        }
        Round r = new Round(cu.round(), voters, base, chain);
        for (SignedMessage m : cu.prevotes()) {
            if (!voters.contains(m.voter()) || !m.verify(cu.round(), set)) {
                throw new InvalidMessageException("catch-up prevote with a bad signature or voter");
            }
            r.prevote(m);
        }
        for (SignedMessage m : cu.precommits()) {
            if (!voters.contains(m.voter()) || !m.verify(cu.round(), set)) {
                throw new InvalidMessageException("catch-up precommit with a bad signature or voter");
            }
            r.precommit(m);
        }
        if (r.ghost().isEmpty() || !r.completable()) {
            throw new InvalidMessageException("catch-up round " + cu.round() + " is not completable");
        }
        LOG.info("grandpa: caught up with round {} from {}", cu.round(), peer);
        if (chain.descends(base, finalized) || chain.descends(finalized, base)) {
            tryFinalize(r);
        }
        if (voters.setId() == set) {
            previous = r;
            prevGhost = r.ghost().filter(g -> chain.descends(g, finalized)).orElse(finalized);
            prevEstimate = r.estimate().filter(g -> chain.descends(g, finalized)).orElse(finalized);
            roundNo = cu.round() + 1;
            current = null;
            notifyAll();
        }
    }

    /** CE 153 fragments from set {@code from} on, for a peer behind. */
    List<WarpSyncFragment> fragments(long from) {
        List<WarpSyncFragment> out = new ArrayList<>();
        for (long s = from; out.size() < GrandpaCodec.MAX_FRAGMENTS; s++) {
            Optional<Hash> h = store.setChange(s);
            if (h.isEmpty()) {
                break;
            }
            Optional<Header> hd = chain.header(h.get());
            Optional<byte[]> j = store.justification(h.get());
            if (hd.isEmpty() || j.isEmpty()) {
                break;
            }
            out.add(new WarpSyncFragment(hd.get(), codec.decodeJustification(j.get())));
        }
        return out;
    }

    private void warpSync(PeerId peer, long fromSet) {
        try {
            byte[] resp = request(peer, CE_WARP_SYNC, codec.encode(new io.jamboree.grandpa.internal.protocol.Messages
                    .WarpSyncRequest(fromSet)));
            if (resp == null) {
                return;
            }
            for (WarpSyncFragment f : codec.decodeFragments(resp)) {
                synchronized (this) {
                    Justification j = f.justification();
                    if (j.setId() != voters.setId()) {
                        continue;
                    }
                    Hash h = f.header().hash(params);
                    if (chain.stateRoot(h).isEmpty()) {
                        return; // not imported yet; later
                    }
                    CommitCheck.verify(j, voters, chain, params);
                    BlockRef b = new BlockRef(h, f.header().slot());
                    if (!j.commit().target().block().equals(b) || !chain.descends(b, finalized)) {
                        return;
                    }
                    finalize(b, j);
                }
            }
        } catch (Exception e) {
            LOG.info("grandpa: warp sync from {} failed: {}", peer, e.toString());
        } finally {
            synchronized (this) {
                warpAsked.remove(peer);
            }
        }
    }

    // ---- sending ----

    private void broadcastState() {
        byte[] m;
        synchronized (this) {
            m = codec.encode(new StateMessage(roundNo, voters.setId(), finalized.slot()));
        }
        broadcast(CE_STATE, m);
    }

    private void broadcast(StreamKind kind, byte[] m) {
        Network net = network;
        if (net == null) {
            return;
        }
        for (Ed25519Public k : voters.keys()) {
            if (isOurs(k)) {
                continue;
            }
            PeerId p = new PeerId(k.bytes());
            if (net.peer(p).isPresent()) {
                send(p, kind, m);
            }
        }
    }

    private void send(PeerId peer, StreamKind kind, byte[] m) {
        Network net = network;
        if (net == null) {
            return;
        }
        try {
            sender.execute(() -> {
                Stream s = null;
                try {
                    s = net.openStream(peer, kind).toCompletableFuture().get(5, TimeUnit.SECONDS);
                    s.write(m);
                    s.finish();
                    s.readFin();
                } catch (Exception e) {
                    LOG.debug("grandpa: {} to {} failed: {}", kind, peer, e.toString());
                    if (s != null) {
                        s.reset("send failed");
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /** A CE request: the one response message, or null if the peer has none (FIN or reset). */
    private byte[] request(PeerId peer, StreamKind kind, byte[] m) throws Exception {
        Network net = network;
        if (net == null) {
            return null;
        }
        Stream s = net.openStream(peer, kind).toCompletableFuture().get(5, TimeUnit.SECONDS);
        try {
            s.write(m);
            s.finish();
            byte[] resp = s.read();
            if (resp != null) {
                s.readFin();
            }
            return resp;
        } catch (Exception e) {
            s.reset(e.toString());
            throw e;
        }
    }
}
