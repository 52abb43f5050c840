package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.merkle.StateKey;
import io.jamboree.rpc.FinalizedHead;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.SafroleState;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKeys;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-only JIP-2 queries over the node's {@link BlockImporter}: blocks of the block tree and their posterior
 * states (GP Appendix D.1 keys: C(13) statistics π, C(3) recent blocks β, C(255, s) service accounts, C(s, ·) storage,
 * preimage and request items, GP eq. D.2). Thread-safe; keeps the last few states read.
 */
final class ChainQueries {
    /** The chapter of the activity statistics π in the state (GP D.1, C(13)). */
    static final int STATISTICS = 13;
    /** The chapter of the recent blocks β (GP D.1, C(3)). */
    static final int RECENT_BLOCKS = 3;
    /** The Safrole state γ (GP D.1, C(4)). */
    static final int SAFROLE = 4;
    /** The active validators κ (GP D.1, C(8)). */
    static final int ACTIVE_VALIDATORS = 8;
    /** The judgments ψ (GP D.1, C(5)). */
    static final int DISPUTES = 5;

    /** A block of the tree: its header hash and slot. */
    record BlockRef(Hash hash, long slot) {
        JsonNode json() {
            ObjectNode o = JipTypes.JSON.objectNode();
            o.set("header_hash", JipTypes.encode(hash));
            o.put("slot", slot);
            return o;
        }
    }

    private static final Comparator<KeyValue> BY_KEY = Comparator.comparing(KeyValue::key);

    private final BlockImporter importer;
    private final Supplier<Optional<FinalizedHead>> finality;
    private final Map<Hash, List<KeyValue>> states = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, List<KeyValue>> eldest) {
            return size() > 6;
        }
    };
    private volatile Hash first;

    ChainQueries(BlockImporter importer, Supplier<Optional<FinalizedHead>> finality) {
        this.importer = importer;
        this.finality = finality;
    }

    ChainParams params() {
        return importer.params();
    }

    /** The JIP-2 {@code Parameters} object, version 1, of the node's chain parameters (GP Appendix I.4.4). */
    JsonNode parameters() {
        ChainParams p = importer.params();
        ObjectNode v1 = JipTypes.JSON.objectNode();
        v1.put("deposit_per_account", p.baseDeposit());
        v1.put("deposit_per_item", p.itemDeposit());
        v1.put("deposit_per_byte", p.byteDeposit());
        v1.put("min_turnaround_period", p.preimageExpungePeriod());
        v1.put("epoch_period", p.epochLength());
        v1.put("max_accumulate_gas", p.reportAccumulateGas());
        v1.put("max_is_authorized_gas", p.packageAuthGas());
        v1.put("max_refine_gas", p.packageRefineGas());
        v1.put("block_gas_limit", p.blockAccumulateGas());
        v1.put("recent_block_count", p.recentHistorySize());
        v1.put("max_work_items", p.maxPackageItems());
        v1.put("max_dependencies", p.maxReportDependencies());
        v1.put("max_tickets_per_block", p.maxTicketsPerBlock());
        v1.put("max_lookup_anchor_age", p.maxLookupAnchorAge());
        v1.put("tickets_attempts_number", p.ticketEntriesPerValidator());
        v1.put("auth_window", p.authPoolMaxSize());
        v1.put("auth_queue_len", p.authQueueSize());
        v1.put("rotation_period", p.rotationPeriod());
        v1.put("max_extrinsics", p.maxPackageExtrinsics());
        v1.put("availability_timeout", p.assuranceTimeoutPeriod());
        v1.put("val_count", p.validatorsCount());
        v1.put("max_input", p.maxBundleSize());
        v1.put("max_refine_code_size", p.maxServiceCodeSize());
        v1.put("basic_piece_len", p.ecPieceSize());
        v1.put("max_imports", p.maxPackageImports());
        v1.put("max_is_authorized_code_size", p.maxAuthCodeSize());
        v1.put("max_exports", p.maxPackageExports());
        ObjectNode o = JipTypes.JSON.objectNode();
        o.set("V1", v1);
        return o;
    }

    /** The head of the best chain, if the node holds a chain. */
    Optional<BlockRef> best() {
        return importer.bestHead().map(this::ref);
    }

    /**
     * The latest finalized block: the finality gadget's when one is registered, else the chain's first block (the
     * genesis, or the initial state's block), as the node finalizes nothing without GRANDPA.
     */
    Optional<BlockRef> finalized() {
        Optional<FinalizedHead> f = finality.get();
        if (f.isPresent()) {
            Optional<Hash> h = f.get().finalizedHead();
            if (h.isPresent()) {
                return Optional.of(ref(h.get()));
            }
        }
        return firstBlock().map(this::ref);
    }

    /** The parent of a known block, if it is known too. */
    Optional<BlockRef> parent(Hash child) {
        return importer.header(child).map(Header::parent)
                .filter(p -> importer.header(p).isPresent() || importer.stateRoot(p).isPresent())
                .map(this::ref);
    }

    Optional<Hash> stateRoot(Hash block) {
        return importer.stateRoot(block);
    }

    /** The encoded π (C(13)) of the block's posterior state; empty if the state is not known. */
    Optional<byte[]> statistics(Hash block) {
        return state(block).map(s -> get(s, StateKey.of(STATISTICS)));
    }

    /** The encoded account of service {@code s} (C(255, s)); empty if the state is not known, null inside if no account. */
    Optional<byte[]> serviceData(Hash block, long service) {
        return state(block).map(s -> get(s, StateKey.serviceAccount(service)));
    }

    Optional<byte[]> serviceValue(Hash block, long service, byte[] key) {
        return state(block).map(s -> get(s, StateKey.storage(service, key)));
    }

    Optional<byte[]> servicePreimage(Hash block, long service, Hash hash) {
        return state(block).map(s -> get(s, StateKey.preimage(service, hash.bytes())));
    }

    /** The slots of a preimage request (GP §9.2, l ∈ ⟦N_T⟧:3); empty list inside when no request. */
    Optional<List<Long>> serviceRequest(Hash block, long service, Hash hash, long length) {
        return state(block).map(s -> {
            byte[] v = get(s, StateKey.request(service, hash.bytes(), length));
            if (v == null) {
                return null;
            }
            Decoder d = new Decoder(v);
            int n = d.length(4, "request slots");
            List<Long> slots = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                slots.add(d.u32());
            }
            d.expectEnd();
            return slots;
        });
    }

    /**
     * The BEEFY root (the MMR super-peak, GP §7) recorded for {@code block} in the recent blocks β: of the block's own
     * posterior state, else of the best head's.
     */
    Optional<Hash> beefyRoot(Hash block) {
        List<Hash> candidates = new ArrayList<>(List.of(block));
        importer.bestHead().ifPresent(candidates::add);
        for (Hash at : candidates) {
            Optional<List<KeyValue>> s = state(at);
            if (s.isEmpty()) {
                continue;
            }
            byte[] v = get(s.get(), StateKey.of(RECENT_BLOCKS));
            if (v == null) {
                continue;
            }
            Decoder d = new Decoder(v);
            RecentBlocks beta = RecentBlocks.decode(d, importer.params());
            for (BlockInfo b : beta.history()) {
                if (b.headerHash().equals(block)) {
                    return Optional.of(b.beefyRoot());
                }
            }
        }
        return Optional.empty();
    }

    /** The ids of every service with an account (C(255, s)) in the block's posterior state. */
    Optional<List<Long>> listServices(Hash block) {
        return state(block).map(s -> {
            List<Long> ids = new ArrayList<>();
            for (KeyValue kv : s) {
                byte[] k = kv.key().bytes();
                if (ServiceAccounts.isAccountKey(k)) {
                    ids.add((k[1] & 0xFFL) | (k[3] & 0xFFL) << 8 | (k[5] & 0xFFL) << 16 | (k[7] & 0xFFL) << 24);
                }
            }
            return ids;
        });
    }

    /**
     * A block's header facts for the dashboard (not JIP-2): hash, slot, parent, state root, author index H_I and seal
     * kind: "ticket" when γ'_S of the block's posterior state is a ticket sequence (GP eq. 6.15), "fallback" when it
     * is the fallback key sequence (eq. 6.16); null fields where unknown (the initial state has no header).
     */
    Optional<JsonNode> block(Hash h) {
        if (!known(h)) {
            return Optional.empty();
        }
        ObjectNode o = (ObjectNode) ref(h).json();
        Optional<Header> header = importer.header(h);
        o.set("parent", header.map(x -> JipTypes.encode(x.parent())).orElse(JipTypes.JSON.nullNode()));
        o.set("state_root", importer.stateRoot(h).map(JipTypes::encode).orElse(JipTypes.JSON.nullNode()));
        if (header.isPresent()) {
            o.put("author_index", header.get().authorIndex());
        } else {
            o.putNull("author_index");
        }
        String seal = null;
        if (header.isPresent()) {
            byte[] gamma = state(h).map(st -> get(st, StateKey.of(SAFROLE))).orElse(null);
            if (gamma != null) {
                SafroleState g = SafroleState.decode(new Decoder(gamma), importer.params());
                seal = g.sealTickets() instanceof TicketsOrKeys.Tickets ? "ticket" : "fallback";
            }
        }
        o.put("seal", seal);
        return Optional.of(o);
    }

    /** The pending reports ρ (GP D.1, C(10)). */
    static final int PENDING_REPORTS = 10;
    /** The ready queue ω (GP D.1, C(14)). */
    static final int READY_QUEUE = 14;
    /** The accumulation history ξ (GP D.1, C(15)). */
    static final int ACCUMULATED = 15;

    /**
     * The work reports of the block's posterior state and their stage (not JIP-2; for the dashboard): "guaranteed"
     * for a report waiting for availability on its core (ρ, GP §11.1, eq. 11.1), "available" for an available report
     * queued for accumulation until its dependencies are met (ω, GP §12.2), "accumulated" for a work-package
     * accumulated within the last epoch (ξ, GP §12.1, eq. 12.1). Objects {@code {package_hash, stage, core}}, core
     * null where the state does not say; at most 64 accumulated ones, newest first.
     */
    Optional<JsonNode> workReports(Hash h) {
        return state(h).map(st -> {
            ChainParams p = importer.params();
            ArrayNode a = JipTypes.JSON.arrayNode();
            byte[] rho = get(st, StateKey.of(PENDING_REPORTS));
            if (rho != null) {
                io.jamboree.types.AvailabilityAssignments r = io.jamboree.types.AvailabilityAssignments.decode(new Decoder(rho), p);
                for (io.jamboree.types.AvailabilityAssignment x : r.assignments()) {
                    if (x != null) {
                        report(a, x.report().packageSpec().hash(), "guaranteed", x.report().coreIndex());
                    }
                }
            }
            byte[] omega = get(st, StateKey.of(READY_QUEUE));
            if (omega != null) {
                for (List<io.jamboree.types.ReadyRecord> slot : io.jamboree.types.ReadyQueue.decode(new Decoder(omega), p).slots()) {
                    for (io.jamboree.types.ReadyRecord x : slot) {
                        report(a, x.report().packageSpec().hash(), "available", x.report().coreIndex());
                    }
                }
            }
            byte[] xi = get(st, StateKey.of(ACCUMULATED));
            if (xi != null) {
                List<List<Hash>> slots = io.jamboree.types.AccumulatedQueue.decode(new Decoder(xi), p).slots();
                int n = 0;
                for (int i = slots.size() - 1; i >= 0 && n < 64; i--) {
                    for (Hash package_ : slots.get(i)) {
                        if (n++ < 64) {
                            report(a, package_, "accumulated", -1);
                        }
                    }
                }
            }
            return a;
        });
    }

    private static void report(ArrayNode a, Hash packageHash, String stage, int core) {
        ObjectNode o = a.addObject();
        o.set("package_hash", JipTypes.encode(packageHash));
        o.put("stage", stage);
        if (core >= 0) {
            o.put("core", core);
        } else {
            o.putNull("core");
        }
    }

    /**
     * PVM gas the block's services used as its posterior statistics π_S record it (GP §13.2): {refine, accumulate},
     * refinement gas of the work reports the block brought in and the gas of its accumulations; empty if the state is
     * not known.
     */
    Optional<long[]> gasUsed(Hash h) {
        return statistics(h).filter(java.util.Objects::nonNull).map(pi -> {
            io.jamboree.types.Statistics s = io.jamboree.types.Statistics.decode(new Decoder(pi), importer.params());
            long refine = 0;
            long accumulate = 0;
            for (io.jamboree.types.ServiceStatisticsEntry e : s.services()) {
                refine += e.record().refinementGasUsed();
                accumulate += e.record().accumulateGasUsed();
            }
            return new long[] {refine, accumulate};
        });
    }

    /** The active validators κ (C(8)) of the block's posterior state: index, Ed25519 and Bandersnatch keys (not JIP-2). */
    Optional<JsonNode> validators(Hash h) {
        return state(h).map(st -> get(st, StateKey.of(ACTIVE_VALIDATORS))).map(v -> {
            ValidatorKeys kappa = ValidatorKeys.decode(new Decoder(v), importer.params());
            ArrayNode a = JipTypes.JSON.arrayNode();
            for (int i = 0; i < kappa.size(); i++) {
                ObjectNode k = a.addObject();
                k.put("index", i);
                k.set("ed25519", JipTypes.encode(kappa.get(i).ed25519().bytes()));
                k.set("bandersnatch", JipTypes.encode(kappa.get(i).bandersnatch().bytes()));
            }
            return a;
        });
    }

    /**
     * The judgments ψ (GP 0.7.2 §10, C(5)) of the block's posterior state: the reports judged good, bad and wonky
     * ({@code ψ_G, ψ_B, ψ_W}) and the offenders' Ed25519 keys ({@code ψ_O}), each base64 (not JIP-2).
     */
    Optional<JsonNode> disputes(Hash h) {
        return state(h).map(st -> get(st, StateKey.of(DISPUTES))).map(v -> {
            io.jamboree.types.DisputesRecords psi = io.jamboree.types.DisputesRecords.decode(new Decoder(v),
                    importer.params());
            ObjectNode o = JipTypes.JSON.objectNode();
            ArrayNode good = o.putArray("good");
            psi.good().forEach(x -> good.add(JipTypes.encode(x)));
            ArrayNode bad = o.putArray("bad");
            psi.bad().forEach(x -> bad.add(JipTypes.encode(x)));
            ArrayNode wonky = o.putArray("wonky");
            psi.wonky().forEach(x -> wonky.add(JipTypes.encode(x)));
            ArrayNode offenders = o.putArray("offenders");
            psi.offenders().forEach(k -> offenders.add(JipTypes.encode(k.bytes())));
            return o;
        });
    }

    /** Whether the node knows the block (imported, or the initial state's). */
    boolean known(Hash block) {
        return importer.header(block).isPresent() || importer.stateRoot(block).isPresent();
    }

    /** The block's slot: H_t, or τ of the state for an initial state stored without its header. */
    BlockRef ref(Hash h) {
        long slot = importer.header(h).map(Header::slot)
                .orElseGet(() -> state(h).map(kvs -> StateCodec.tau(StateCodec.toMap(kvs))).orElse(0L));
        return new BlockRef(h, slot);
    }

    /** The first block of the chain the best head is on (walks the parents once; kept until the importer restarts). */
    private Optional<Hash> firstBlock() {
        Optional<Hash> best = importer.bestHead();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Hash f = first;
        if (f != null && importer.stateRoot(f).isPresent()) {
            return Optional.of(f);
        }
        Hash h = best.get();
        while (true) {
            Optional<Header> header = importer.header(h);
            if (header.isEmpty() || !known(header.get().parent())) {
                break;
            }
            h = header.get().parent();
        }
        first = h;
        return Optional.of(h);
    }

    private Optional<List<KeyValue>> state(Hash block) {
        synchronized (states) {
            List<KeyValue> s = states.get(block);
            if (s != null) {
                return Optional.of(s);
            }
        }
        Optional<List<KeyValue>> s = importer.state(block);
        s.ifPresent(kvs -> {
            List<KeyValue> sorted = new ArrayList<>(kvs);
            sorted.sort(BY_KEY);
            synchronized (states) {
                states.put(block, Collections.unmodifiableList(sorted));
            }
        });
        synchronized (states) {
            return Optional.ofNullable(states.get(block)).or(() -> s);
        }
    }

    private static byte[] get(List<KeyValue> sorted, StateKey key) {
        int i = Collections.binarySearch(sorted, new KeyValue(key, new byte[0]), BY_KEY);
        return i < 0 ? null : sorted.get(i).value();
    }
}
