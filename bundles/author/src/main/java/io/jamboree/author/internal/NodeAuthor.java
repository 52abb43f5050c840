package io.jamboree.author.internal;

import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.ContestTickets;
import io.jamboree.author.SlotOutcome;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.RingVrf;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.RingSrs;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The author of a node's slots on top of a {@link BlockImporter}: reads the best head (GP §19, see
 * {@link #parentChoice}) and its state, builds the
 * block ({@link BlockAuthor}) if one of our keys leads the slot, and imports it through the importer (the same Υ as
 * every other block). A rejected own block is a bug and logged as one, with the importer's reason. One caller at a
 * time.
 */
public final class NodeAuthor {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAuthor.class);
    /** G1 points of the SRS the ring prover needs: 3N + 1 for the domain of N = 2048 rows (rings up to 1791 keys). */
    private static final int PROVER_SRS_POINTS = 6145;

    private final BlockImporter importer;
    private final ChainParams params;
    private final List<LocalKey> keys;
    private final SlotLeadership leadership;
    private final PendingExtrinsics extrinsics;
    private final boolean ownTickets;
    private final BlockAuthor author;
    private final TicketGenerator generator;
    private final Consumer<AuthoredBlock> listener;
    private Hash cachedHead;
    private ChainState cachedState;
    /** The block to build on: the best chain's head (GP §19) when the node runs GRANDPA, else the importer's. */
    private volatile Supplier<Optional<Hash>> parentChoice;

    /**
     * @param importer the node's importer (initialized with a chain)
     * @param keys our Bandersnatch keys
     * @param listener told of every authored block
     */
    public NodeAuthor(BlockImporter importer, List<LocalKey> keys, Consumer<AuthoredBlock> listener) {
        this(importer, keys, listener, () -> defaultProver(importer.params()), true);
    }

    /**
     * As {@link #NodeAuthor(BlockImporter, List, Consumer)}, filling blocks from {@code extrinsics} (the node's
     * {@code ExtrinsicPool}), to which our own tickets are added too.
     */
    public NodeAuthor(BlockImporter importer, List<LocalKey> keys, Consumer<AuthoredBlock> listener,
            PendingExtrinsics extrinsics) {
        this(importer, keys, listener, () -> defaultProver(importer.params()), true, extrinsics);
    }

    /**
     * As {@link #NodeAuthor(BlockImporter, List, Consumer)}; with {@code submitTickets} false the author submits no
     * tickets (for benchmarks of the block path alone).
     */
    public NodeAuthor(BlockImporter importer, List<LocalKey> keys, Consumer<AuthoredBlock> listener,
            boolean submitTickets) {
        this(importer, keys, listener, () -> defaultProver(importer.params()), submitTickets);
    }

    NodeAuthor(BlockImporter importer, List<LocalKey> keys, Consumer<AuthoredBlock> listener, Supplier<RingVrf> ring,
            boolean submitTickets) {
        this(importer, keys, listener, ring, submitTickets,
                new PendingExtrinsics(importer.params(), PendingExtrinsics.DEFAULT_CAPACITY));
    }

    NodeAuthor(BlockImporter importer, List<LocalKey> keys, Consumer<AuthoredBlock> listener, Supplier<RingVrf> ring,
            boolean submitTickets, PendingExtrinsics extrinsics) {
        this.importer = Objects.requireNonNull(importer);
        this.params = importer.params();
        this.keys = List.copyOf(keys);
        this.leadership = new SlotLeadership(this.keys);
        this.listener = Objects.requireNonNull(listener);
        this.extrinsics = Objects.requireNonNull(extrinsics);
        this.ownTickets = submitTickets;
        Supplier<RingVrf> prover = memoize(ring);
        this.generator = new TicketGenerator(prover);
        this.author = new BlockAuthor(params, BandersnatchRing.shared(), generator);
        this.parentChoice = importer::bestHead;
    }

    /**
     * Builds on the head {@code best} gives (the GP §19 best chain, {@link io.jamboree.importer.BestChain}); {@code null}
     * goes back to the importer's best head.
     */
    public void parentChoice(Supplier<Optional<Hash>> best) {
        parentChoice = best == null ? importer::bestHead : best;
    }

    private Hash head() {
        return parentChoice.get().or(importer::bestHead)
                .orElseThrow(() -> new IllegalStateException("the importer holds no chain"));
    }

    private static Supplier<RingVrf> memoize(Supplier<RingVrf> s) {
        return new Supplier<>() {
            private RingVrf value;

            @Override
            public synchronized RingVrf get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    /** The ring prover for rings of V keys over the node's SRS ({@link RingSrs}). */
    public static RingVrf defaultProver(ChainParams params) {
        return RingVrf.of(RingSrs.load(PROVER_SRS_POINTS), params.validatorsCount());
    }

    /** The protocol parameters. */
    public ChainParams params() {
        return params;
    }

    /** Our keys. */
    public List<LocalKey> keys() {
        return keys;
    }

    /** The posterior state of the best head (decoded once per head). */
    public synchronized ChainState headState() {
        return state(head());
    }

    private ChainState state(Hash head) {
        if (!head.equals(cachedHead)) {
            cachedState = StateCodec.decode(importer.state(head).orElseThrow(
                    () -> new IllegalStateException("the state of the best head " + head + " is not kept")), params);
            cachedHead = head;
        }
        return cachedState;
    }

    /** The indices in κ of the best head's state of our keys, ascending. */
    public synchronized List<Integer> validators() {
        ChainState s = headState();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.kappa().size(); i++) {
            for (LocalKey k : keys) {
                if (k.publicKey().equals(s.kappa().get(i).bandersnatch())) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /**
     * Our tickets for the contest of the best head's epoch ({@link io.jamboree.author.Author#ownTickets()}): the
     * candidates of our keys in γ_k with η_2 of the head state, proven outside the author's lock (the proofs are kept
     * by the {@link TicketGenerator}, which blocks reuse). From the first call on, blocks no longer prove own tickets
     * themselves: they include the ones proven here once done.
     */
    public ContestTickets ownTickets() {
        author.proveInBlock(false);
        ChainState s;
        synchronized (this) {
            s = headState();
        }
        Hash eta2 = s.eta().get(2);
        ValidatorKeys gammaK = s.gamma().pendingValidators();
        List<TicketGenerator.Candidate> cs = generator.candidates(eta2, gammaK, keys, params.ticketEntriesPerValidator());
        List<TicketEnvelope> envelopes = generator.proveAll(cs, eta2, gammaK);
        return new ContestTickets(s.tau() / params.epochLength() + 1, eta2, envelopes);
    }

    /** The pool blocks are filled from. */
    public PendingExtrinsics extrinsics() {
        return extrinsics;
    }

    /**
     * Authors {@code slot} on the best head if one of our keys leads it. Should the importer reject the block for an
     * extrinsic item (a check the selection could not make, e.g. a guarantee's lookup-anchor ancestry), the block's
     * items of that kind are dropped from the pool and the block built once more without that kind; the reason is
     * logged.
     */
    public synchronized SlotOutcome authorSlot(long slot) {
        Hash head = head();
        ChainState pre = state(head);
        if (slot <= pre.tau()) {
            throw new IllegalStateException("slot " + slot + " is not after the best head's slot " + pre.tau());
        }
        Hash root = importer.stateRoot(head).orElseThrow(
                () -> new IllegalStateException("no state root for the best head " + head));
        long t0 = System.nanoTime();
        var built = author.build(head, root, pre, slot, leadership, keys, extrinsics, ownTickets,
                EnumSet.noneOf(ExtrinsicSelection.Kind.class));
        if (built.isEmpty()) {
            return new SlotOutcome.NotOurs(slot);
        }
        long t1 = System.nanoTime();
        ImportOutcome out = importer.importBlock(built.get().block());
        long t2 = System.nanoTime();
        if (out instanceof ImportOutcome.Rejected rej) {
            var kind = ExtrinsicSelection.Kind.ofReason(rej.reason());
            if (kind.isPresent() && !kind.get().isEmptyIn(built.get().block().extrinsic())) {
                LOG.warn("our block for slot {} was rejected for its {}: {}; dropping them from the pool and"
                        + " authoring the block again without them", slot, kind.get(), rej.reason());
                extrinsics.dropRejected(kind.get(), built.get().block().extrinsic());
                t0 = System.nanoTime();
                built = author.build(head, root, pre, slot, leadership, keys, extrinsics, ownTickets,
                        EnumSet.of(kind.get()));
                t1 = System.nanoTime();
                out = importer.importBlock(built.orElseThrow().block());
                t2 = System.nanoTime();
            }
        }
        Hash builtParent = built.get().block().header().parent();
        return switch (out) {
            case ImportOutcome.Imported i -> {
                AuthoredBlock b = new AuthoredBlock(built.get().block(), i.headerHash(), i.stateRoot(),
                        built.get().sealKind(), built.get().tickets(), t1 - t0, t2 - t1);
                try {
                    listener.accept(b);
                } catch (RuntimeException e) {
                    LOG.warn("an author listener failed on block {}: {}", i.headerHash(), e.toString());
                }
                yield new SlotOutcome.Authored(b);
            }
            case ImportOutcome.Rejected rej when importer.stateRoot(builtParent).isEmpty() -> {
                // the parent went while the block was built: finality moved to another fork and the importer pruned
                // this one (BlockImporter.pruneForks); a race with GRANDPA, not a bad block
                LOG.warn("our block for slot {} was built on {}, which was pruned meanwhile (finalized on another"
                        + " fork); no block from us in this slot", slot, builtParent);
                yield new SlotOutcome.ParentPruned(slot, builtParent);
            }
            case ImportOutcome.Rejected rej -> {
                LOG.error("BUG: our own block for slot {} was rejected by the importer: {}", slot, rej.reason());
                yield new SlotOutcome.Rejected(slot, rej.reason());
            }
        };
    }
}
