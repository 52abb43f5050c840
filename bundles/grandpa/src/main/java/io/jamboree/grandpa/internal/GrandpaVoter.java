package io.jamboree.grandpa.internal;

import io.jamboree.audit.AuditedBlocks;
import io.jamboree.core.ChainParams;
import io.jamboree.grandpa.FinalityListener;
import io.jamboree.grandpa.FinalizedBlock;
import io.jamboree.grandpa.FinalizedHead;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUp;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUpRequest;
import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncFragment;
import io.jamboree.importer.BestChain;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.store.ActiveStore;
import io.jamboree.types.Hash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * that are voters of the current set, and keeps the node's finalized head. This component wires the parts, one
 * concept each: {@link VoterState} (set, rounds, estimate and ghost, finalized block; its monitor is the voter's lock),
 * {@link GossipTiming} (T and the round's instants), {@link RoundLoop} (playing rounds), {@link PrevoteTarget},
 * {@link VoteCaster} (our votes, recorded before they are signed), {@link IncomingVotes} (CE 149),
 * {@link Equivocations}, {@link Finalization} (justifications, set changes, pruning, listeners),
 * {@link IncomingCommits} (CE 150, CE 130 client), {@link RoundCatchUp} (CE 151, CE 152), {@link WarpSync} (CE 153),
 * {@link GrandpaGossip} (outgoing streams) and {@link BestChainRule}; the round tallies, GHOST and estimate are
 * {@link io.jamboree.grandpa.internal.core.Round}'s.
 *
 * <p>A Declarative Services component configured by PID {@value #PID} ({@code jam run} writes it for a network):
 * {@code slotMs}, the slot duration, from which the gossip delay T follows ({@link GossipTiming}); {@code gossipMs}
 * overrides it.
 *
 * <p>It also provides the node's {@link BestChain} (GP §19, {@link BestChainRule}) over its finalized block, which it
 * votes along, and {@link FinalizedHead}.
 */
// immediate: the voter plays rounds from the start, whether or not a vote has arrived or a service asked for it
@Component(configurationPid = GrandpaVoter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {FinalizedHead.class, BestChain.class, GrandpaVoter.class}, immediate = true)
public final class GrandpaVoter implements FinalizedHead, BestChain {
    private static final Logger LOG = LoggerFactory.getLogger(GrandpaVoter.class);
    /** The configuration PID. */
    public static final String PID = "io.jamboree.grandpa";

    private final BlockImporter importer;
    private final ChainAncestry chain;
    private final GrandpaStore store;
    private final GrandpaCodec codec;
    private final BestChainRule bestRule;
    private final VoterState state;
    private final GrandpaGossip gossip;
    private final Equivocations equivocations = new Equivocations();
    private final Finalization finalization;
    private final IncomingCommits commits;
    private final IncomingVotes votes;
    private final WarpSync warp;
    private final RoundCatchUp catchUp;
    private final Thread loop;
    /** The auditors' verdicts (GP §17), when the node runs them; else every block counts as audited. */
    private volatile AuditedBlocks audits;

    @Activate
    public GrandpaVoter(@Reference BlockImporter importer, @Reference ActiveStore store, @Reference Keystore keystore,
            Map<String, Object> config) {
        ChainParams params = importer.params();
        this.importer = importer;
        this.chain = new ChainAncestry(importer);
        this.bestRule = new BestChainRule(chain);
        this.store = new GrandpaStore(store);
        this.codec = new GrandpaCodec(params);
        GossipTiming timing = GossipTiming.of(config, params);
        this.state = new VoterState(this.store, keystore, timing);
        this.gossip = new GrandpaGossip(state, codec);
        this.finalization = new Finalization(state, chain, this.store, codec, importer, gossip, this::bestHead);
        this.commits = new IncomingCommits(state, chain, params, codec, gossip, finalization);
        this.votes = new IncomingVotes(state, chain, finalization, commits, equivocations);
        this.warp = new WarpSync(state, chain, params, this.store, codec, gossip, finalization);
        this.catchUp = new RoundCatchUp(state, chain, this.store, codec, gossip, finalization, warp);
        VoteCaster caster = new VoteCaster(state, chain, this.store, codec, gossip, votes, finalization);
        RoundLoop rounds = new RoundLoop(state, importer, chain, this.store, codec, timing, gossip, votes, caster,
                finalization, this::voteHead);
        this.loop = Thread.ofPlatform().daemon().name("jam-grandpa").unstarted(rounds::run);
        loop.start();
    }

    @Deactivate
    void deactivate() {
        state.running = false;
        loop.interrupt();
        gossip.shutdown();
        finalization.shutdown();
        synchronized (state) {
            state.notifyAll();
            LOG.info("grandpa: stopped at round {} of set {}, finalized {}; {} equivocations seen", state.roundNo,
                    state.voters == null ? -1 : state.voters.setId(), state.finalized, equivocations.count());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network n) {
        gossip.network(n);
    }

    void unbindNetwork(Network n) {
        gossip.unsetNetwork(n);
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
        finalization.addListener(l);
    }

    void unbindListener(FinalityListener l) {
        finalization.removeListener(l);
    }

    // ---- FinalizedHead ----

    @Override
    public FinalizedBlock finalized() {
        synchronized (state) {
            BlockRef f = state.finalized;
            if (f == null) {
                BlockRef r = chain.root().orElseThrow(() -> new IllegalStateException("the importer holds no chain"));
                return new FinalizedBlock(r.hash(), r.slot());
            }
            return new FinalizedBlock(f.hash(), f.slot());
        }
    }

    @Override
    public long setId() {
        synchronized (state) {
            return state.voters == null ? 0 : state.voters.setId();
        }
    }

    @Override
    public long round() {
        synchronized (state) {
            return state.roundNo;
        }
    }

    // ---- BestChain ----

    /**
     * The best block (GP §19, {@link BestChainRule}) above our finalized block; blocks the auditors rejected are not
     * acceptable; with no auditor every block counts as audited. The importer's best head until the voter started.
     */
    @Override
    public Optional<Hash> bestHead() {
        BlockRef f = state.finalizedNow;
        if (f == null) {
            return importer.bestHead();
        }
        AuditedBlocks a = audits;
        return Optional.of(bestRule.best(f, a == null ? h -> false : a::isRejected));
    }

    /**
     * The head this node's prevotes may extend to: {@link #bestHead()} capped below the lowest unfinalized block the
     * auditors have not finished ({@link AuditedPrefix}; GP §17: only audited blocks get a vote).
     */
    Optional<Hash> voteHead() {
        Optional<Hash> best = bestHead();
        AuditedBlocks a = audits;
        BlockRef f = state.finalizedNow;
        if (a == null || f == null || best.isEmpty()) {
            return best;
        }
        return Optional.of(AuditedPrefix.cap(best.get(), f.hash(), chain::parent, a::isAwaitingAudit));
    }

    // ---- for the stream handlers ----

    /** Equivocations by other voters seen so far. */
    long equivocations() {
        return equivocations.count();
    }

    GrandpaCodec codec() {
        return codec;
    }

    GrandpaStore store() {
        return store;
    }

    /** A CE 149 vote from {@code peer}. */
    void receiveVote(PeerId peer, VoteMessage m) throws ProtocolViolationException {
        votes.receive(peer, m);
    }

    /** A CE 150 commit from {@code peer}. */
    void receiveCommit(PeerId peer, CommitMessage m) throws ProtocolViolationException {
        commits.receive(peer, m);
    }

    /** A CE 151 state message: the peer's round. */
    void receiveState(PeerId peer, StateMessage m) {
        catchUp.receiveState(peer, m);
    }

    /** A CE 152 request: the votes of our last completed round, if it is ahead of the requester's. */
    Optional<CatchUp> catchUpFor(CatchUpRequest req) {
        return catchUp.catchUpFor(req);
    }

    /** CE 153 fragments from set {@code from} on, for a peer behind. */
    List<WarpSyncFragment> fragments(long from) {
        return warp.fragments(from);
    }
}
