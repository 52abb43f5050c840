package io.jamboree.grandpa.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.grandpa.internal.core.Ancestry;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.SafroleState;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The importer's block tree as the vote graph's {@link Ancestry}, and what the voter reads of blocks and states. */
final class ChainAncestry implements Ancestry, BestChainRule.Tree {
    /** The longest walk down the tree. */
    static final int MAX_WALK = 100_000;
    private static final StateKey KAPPA = StateKey.of(8);
    private static final StateKey GAMMA = StateKey.of(4);

    private final BlockImporter importer;

    ChainAncestry(BlockImporter importer) {
        this.importer = importer;
    }

    @Override
    public Hash parent(Hash block) {
        return importer.header(block).map(Header::parent).orElse(null);
    }

    @Override
    public long slot(Hash block) {
        return importer.header(block).map(Header::slot).orElse(-1L);
    }

    /** Whether {@code b} ≥ {@code a}. */
    boolean descends(BlockRef b, BlockRef a) {
        return descends(b.hash(), b.slot(), a.hash(), a.slot());
    }

    /**
     * The root of the importer's tree: the oldest block reached from the best head by parents (the genesis, or the
     * block the node's state started from), with its slot ({@code H_T}, else 0).
     */
    Optional<BlockRef> root() {
        Optional<Hash> best = importer.bestHead();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Hash h = best.get();
        for (int i = 0; i < MAX_WALK; i++) {
            Optional<Header> hd = importer.header(h);
            if (hd.isEmpty() || importer.stateRoot(hd.get().parent()).isEmpty()) {
                break;
            }
            h = hd.get().parent();
        }
        return Optional.of(new BlockRef(h, importer.header(h).map(Header::slot).orElse(0L)));
    }

    /**
     * κ of the posterior state of {@code block}: the Ed25519 keys of the current validators (GP §6.3, C8), the
     * voters of a set whose change block it is (see {@link io.jamboree.grandpa.internal.core.VoterSet}).
     */
    Optional<List<Ed25519Public>> validators(Hash block) {
        Optional<List<KeyValue>> state = importer.state(block);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        int v = importer.params().validatorsCount();
        for (KeyValue kv : state.get()) {
            if (kv.key().equals(KAPPA)) {
                Decoder d = new Decoder(kv.value());
                List<Ed25519Public> keys = new ArrayList<>(v);
                for (int i = 0; i < v; i++) {
                    keys.add(ValidatorKey.decode(d, importer.params()).ed25519());
                }
                return Optional.of(keys);
            }
        }
        return Optional.empty();
    }

    /**
     * The first set-change block (one with an epoch marker H_E, the first block of an epoch) on the chain from
     * {@code to} down to, but excluding, {@code from}; empty if none.
     */
    Optional<BlockRef> firstSetChange(BlockRef from, BlockRef to) {
        BlockRef found = null;
        Hash h = to.hash();
        for (int i = 0; i < MAX_WALK && !h.equals(from.hash()); i++) {
            Optional<Header> hd = importer.header(h);
            if (hd.isEmpty()) {
                break;
            }
            if (hd.get().epochMark() != null) {
                found = new BlockRef(h, hd.get().slot());
            }
            h = hd.get().parent();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public List<Hash> leaves() {
        return importer.leaves();
    }

    @Override
    public Optional<Hash> longest() {
        return importer.bestHead();
    }

    /**
     * The block's parent and slot, and whether it is ticket-sealed: whether γ_S of its posterior state, the sealing
     * keys of its own epoch (GP eq. 6.24, 6.15), is a ticket sequence. A block whose state was pruned counts as
     * fallback-sealed.
     */
    @Override
    public Optional<BestChainRule.BlockInfo> info(Hash block) {
        Optional<Header> h = importer.header(block);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        boolean ticketed = false;
        Optional<List<KeyValue>> state = importer.state(block);
        if (state.isPresent()) {
            for (KeyValue kv : state.get()) {
                if (kv.key().equals(GAMMA)) {
                    ticketed = SafroleState.decode(new Decoder(kv.value()), importer.params()).sealTickets()
                            instanceof TicketsOrKeys.Tickets;
                    break;
                }
            }
        }
        return Optional.of(new BestChainRule.BlockInfo(h.get().parent(), h.get().slot(), ticketed));
    }

    Optional<Header> header(Hash h) {
        return importer.header(h);
    }

    Optional<Hash> stateRoot(Hash h) {
        return importer.stateRoot(h);
    }
}
