package io.jamboree.author.internal;

import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.importer.BlockImporter;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.Culprit;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ExtrinsicPool} of the node: the items other bundles (and the author itself, for its own tickets)
 * submitted, waiting for a block. Submission checks only what needs no chain state: form, duplicates and room (at most
 * {@link #DEFAULT_CAPACITY} items of each kind); {@link ExtrinsicSelection} checks the items against the state a
 * block is applied on and evicts the ones that can no longer be included. Registered as the {@code ExtrinsicPool}
 * service and, under its own class, for the {@link AuthorComponent} of the same bundle. Thread-safe: every method
 * holds the pool's lock.
 */
@Component(service = {ExtrinsicPool.class, PendingExtrinsics.class})
public final class PendingExtrinsics implements ExtrinsicPool {
    /** Items of each kind the pool holds at most. */
    public static final int DEFAULT_CAPACITY = 1024;

    /** A preimage's key in E_P order (GP eq. 12.37: by service, then by hash). */
    record PreimageKey(long service, Hash hash) {}

    /** An assurance's key: one per validator and anchor. */
    record AssuranceKey(Hash anchor, int validator) {}

    /** A fault's key: one per key and report. */
    record FaultKey(Ed25519Public key, Hash target) {}

    private static final Comparator<PreimageKey> PREIMAGE_ORDER =
            Comparator.comparingLong(PreimageKey::service).thenComparing(PreimageKey::hash);

    private final ChainParams params;
    private final int capacity;
    final TicketPool tickets = new TicketPool();
    final TreeMap<PreimageKey, Preimage> preimages = new TreeMap<>(PREIMAGE_ORDER);
    final Map<Hash, ReportGuarantee> guarantees = new LinkedHashMap<>();
    final Map<AssuranceKey, AvailAssurance> assurances = new LinkedHashMap<>();
    final TreeMap<Hash, Verdict> verdicts = new TreeMap<>();
    final TreeMap<Ed25519Public, Culprit> culprits = new TreeMap<>();
    final Map<FaultKey, Fault> faults = new LinkedHashMap<>();

    @Activate
    public PendingExtrinsics(@Reference BlockImporter importer) {
        this(importer.params(), DEFAULT_CAPACITY);
    }

    /** A pool for chains of {@code params} holding up to {@code capacity} items of each kind. */
    public PendingExtrinsics(ChainParams params, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("pool capacity must be positive, got " + capacity);
        }
        this.params = Objects.requireNonNull(params);
        this.capacity = capacity;
    }

    private Submission full(String kind) {
        return new Submission.Refused("the " + kind + " pool is full (" + capacity + " items)");
    }

    private static <K, V> Submission put(Map<K, V> m, K k, V v) {
        if (m.containsKey(k)) {
            return new Submission.Duplicate();
        }
        m.put(k, v);
        return new Submission.Accepted();
    }

    @Override
    public synchronized Submission submitTicket(TicketEnvelope ticket) {
        Objects.requireNonNull(ticket, "ticket");
        if (ticket.attempt() < 0 || ticket.attempt() >= params.ticketEntriesPerValidator()) {
            return new Submission.Refused("ticket attempt " + ticket.attempt() + " is not below N = "
                    + params.ticketEntriesPerValidator() + " (GP 6.29)");
        }
        if (tickets.size() >= capacity) {
            return full("ticket");
        }
        Hash id;
        try {
            id = new Hash(BandersnatchVrf.vrfOutput(ticket.signature().bytes()));
        } catch (RuntimeException e) {
            return new Submission.Refused("not a ring VRF signature: " + e.getMessage());
        }
        return tickets.add(new TicketBody(id, ticket.attempt()), ticket) ? new Submission.Accepted()
                : new Submission.Duplicate();
    }

    @Override
    public synchronized Submission submitPreimage(Preimage preimage) {
        Objects.requireNonNull(preimage, "preimage");
        if (preimages.size() >= capacity) {
            return full("preimage");
        }
        return put(preimages, new PreimageKey(preimage.requester(), new Hash(Blake2b256.hash(preimage.blob().bytes()))),
                preimage);
    }

    @Override
    public synchronized Submission submitGuarantee(ReportGuarantee guarantee) {
        Objects.requireNonNull(guarantee, "guarantee");
        int core = guarantee.report().coreIndex();
        if (core < 0 || core >= params.coresCount()) {
            return new Submission.Refused("core " + core + " out of range (C = " + params.coresCount() + ")");
        }
        if (guarantees.size() >= capacity) {
            return full("guarantee");
        }
        return put(guarantees, guarantee.report().packageSpec().hash(), guarantee);
    }

    @Override
    public synchronized Submission submitAssurance(AvailAssurance assurance) {
        Objects.requireNonNull(assurance, "assurance");
        if (assurance.validatorIndex() < 0 || assurance.validatorIndex() >= params.validatorsCount()) {
            return new Submission.Refused("validator index " + assurance.validatorIndex() + " out of range (V = "
                    + params.validatorsCount() + ")");
        }
        if (assurances.size() >= capacity) {
            return full("assurance");
        }
        return put(assurances, new AssuranceKey(assurance.anchor(), assurance.validatorIndex()), assurance);
    }

    @Override
    public synchronized Submission submitVerdict(Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        if (verdicts.size() >= capacity) {
            return full("verdict");
        }
        return put(verdicts, verdict.target(), verdict);
    }

    @Override
    public synchronized Submission submitCulprit(Culprit culprit) {
        Objects.requireNonNull(culprit, "culprit");
        if (culprits.size() >= capacity) {
            return full("culprit");
        }
        return put(culprits, culprit.key(), culprit);
    }

    @Override
    public synchronized Submission submitFault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        if (faults.size() >= capacity) {
            return full("fault");
        }
        return put(faults, new FaultKey(fault.key(), fault.target()), fault);
    }

    @Override
    public synchronized int size() {
        return tickets.size() + preimages.size() + guarantees.size() + assurances.size() + verdicts.size()
                + culprits.size() + faults.size();
    }

    /**
     * Drops the items of {@code x} of the given kind from the pool: the importer rejected a block for them, so some
     * check of the importer the selection does not make refuses one of them (which one the reason does not say).
     */
    synchronized void dropRejected(ExtrinsicSelection.Kind kind, io.jamboree.types.Extrinsic x) {
        switch (kind) {
            case TICKETS -> {
                for (TicketEnvelope t : x.tickets().tickets()) {
                    tickets.remove(new Hash(BandersnatchVrf.vrfOutput(t.signature().bytes())));
                }
            }
            case PREIMAGES -> preimages.values().removeAll(x.preimages().preimages());
            case GUARANTEES -> guarantees.values().removeAll(x.guarantees().guarantees());
            case ASSURANCES -> assurances.values().removeAll(x.assurances().assurances());
            case DISPUTES -> {
                verdicts.values().removeAll(x.disputes().verdicts());
                culprits.values().removeAll(x.disputes().culprits());
                faults.values().removeAll(x.disputes().faults());
            }
        }
    }

    /** Removes the pooled items of {@code m} that {@code drop} matches. */
    static <V> void evict(Map<?, V> m, Predicate<V> drop) {
        m.values().removeIf(drop);
    }

    /** A copy of the values of {@code m}, in its order. */
    static <V> List<V> items(Map<?, V> m) {
        return new ArrayList<>(m.values());
    }
}
