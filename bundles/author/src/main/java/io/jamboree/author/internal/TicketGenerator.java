package io.jamboree.author.internal;

import io.jamboree.crypto.RingVrf;
import io.jamboree.stf.safrole.SealContexts;
import io.jamboree.types.BandersnatchRingVrfSignature;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Ticket generation (GP 0.7.2 §6.7, eq. 6.29; Appendix G): for each of our keys in the next epoch's validator set
 * γ'_k and each attempt (entry index) below N, a ring VRF proof over the ring of γ'_k's Bandersnatch keys (whose
 * commitment is γ'_z, the root the importer checks against) with the context X_T ⌢ η'_2 ⌢ attempt and the empty
 * message. The identifier Y is known without the proof ({@link TicketIds}), so {@link #candidates} only computes
 * identifiers; the costly ring proof is made by {@link #prove} for the tickets actually submitted, several at once
 * on the available cores ({@link #proveAll}).
 */
public final class TicketGenerator {
    private static final byte[] EMPTY = new byte[0];

    private final Supplier<RingVrf> ring;

    /** @param ring the ring VRF prover for rings of V keys (created on first use: it loads the SRS) */
    public TicketGenerator(Supplier<RingVrf> ring) {
        this.ring = ring;
    }

    /** A ticket we can submit: its body, our key and that key's position in the ring. */
    public record Candidate(TicketBody body, LocalKey key, int ringIndex) {}

    /**
     * The tickets of our keys that are members of {@code gammaK} (γ'_k), for the contest with entropy {@code eta2}
     * (η'_2), {@code attempts} (N) per key, unsorted.
     */
    public List<Candidate> candidates(Hash eta2, ValidatorKeys gammaK, List<LocalKey> keys, int attempts) {
        List<Candidate> out = new ArrayList<>();
        for (LocalKey k : keys) {
            int index = SlotLeadership.indexOf(gammaK, k.publicKey());
            if (index < 0) {
                continue;
            }
            for (int a = 0; a < attempts; a++) {
                out.add(new Candidate(new TicketBody(TicketIds.output(k, SealContexts.ticket(eta2, a)), a), k, index));
            }
        }
        return out;
    }

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private ExecutorService pool;

    /** The envelopes of {@code cs}, in order, proven in parallel on up to one thread per core. */
    public List<TicketEnvelope> proveAll(List<Candidate> cs, Hash eta2, ValidatorKeys gammaK) {
        if (cs.size() <= 1 || THREADS == 1) {
            List<TicketEnvelope> out = new ArrayList<>(cs.size());
            for (Candidate c : cs) {
                out.add(prove(c, eta2, gammaK));
            }
            return out;
        }
        List<Future<TicketEnvelope>> fs = new ArrayList<>(cs.size());
        ExecutorService ex = executor();
        for (Candidate c : cs) {
            fs.add(ex.submit(() -> prove(c, eta2, gammaK)));
        }
        List<TicketEnvelope> out = new ArrayList<>(cs.size());
        try {
            for (Future<TicketEnvelope> f : fs) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while proving tickets", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    private synchronized ExecutorService executor() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "jam-ticket-prover");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /**
     * Envelopes by ticket identifier, of the contest with entropy {@link #provenFor} over the ring {@link #provenRing}
     * (one contest kept); a proof under way is shared, so the ticket distribution and a block proving the same ticket
     * at once make one proof.
     */
    private final java.util.concurrent.ConcurrentHashMap<Hash, java.util.concurrent.CompletableFuture<TicketEnvelope>>
            proven = new java.util.concurrent.ConcurrentHashMap<>();
    private Hash provenFor;
    private ValidatorKeys provenRing;

    /**
     * The ticket envelope of {@code c}: attempt and ring VRF proof (eq. 6.29) over the ring of {@code gammaK}; kept
     * for the contest of {@code eta2} and {@code gammaK}, so a ticket distributed to the network and later included in
     * a block is proven once.
     */
    public TicketEnvelope prove(Candidate c, Hash eta2, ValidatorKeys gammaK) {
        java.util.concurrent.CompletableFuture<TicketEnvelope> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<TicketEnvelope> f;
        synchronized (proven) {
            if (!eta2.equals(provenFor) || !gammaK.equals(provenRing)) {
                proven.clear();
                provenFor = eta2;
                provenRing = gammaK;
            }
            f = proven.putIfAbsent(c.body().id(), mine);
        }
        if (f != null) {
            return f.join();
        }
        try {
            TicketEnvelope t = proveNew(c, eta2, gammaK);
            mine.complete(t);
            return t;
        } catch (RuntimeException e) {
            synchronized (proven) {
                proven.remove(c.body().id(), mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The envelope of {@code c} if its proof for this contest and ring is made, else {@code null}; never waits. */
    public TicketEnvelope provenIfDone(Candidate c, Hash eta2, ValidatorKeys gammaK) {
        java.util.concurrent.CompletableFuture<TicketEnvelope> f;
        synchronized (proven) {
            if (!eta2.equals(provenFor) || !gammaK.equals(provenRing)) {
                return null;
            }
            f = proven.get(c.body().id());
        }
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private TicketEnvelope proveNew(Candidate c, Hash eta2, ValidatorKeys gammaK) {
        List<byte[]> keys = new ArrayList<>(gammaK.size());
        for (ValidatorKey k : gammaK.keys()) {
            keys.add(k.bandersnatch().bytes());
        }
        byte[] sig = ring.get().prove(c.key().secret(), keys, c.ringIndex(), SealContexts.ticket(eta2, c.body().attempt()),
                EMPTY);
        return new TicketEnvelope(c.body().attempt(), new BandersnatchRingVrfSignature(sig));
    }
}
