package io.jamboree.stf.safrole;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.crypto.RingVrf;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link io.jamboree.stf.safrole.RingVrf} over jam-bls (the ring root O, GP Appendix G / §6.3 eq. 6.13) and
 * jam-crypto's {@link RingVrf} (ring VRF verification with output Y, §6.7 eq. 6.29-6.30). One crypto
 * ring VRF per ring size (it fixes the PLONK domain), all sharing the SRS and the commitment caches.
 *
 * <p>The KZG SRS (Zcash powers of tau, its first 2^11 G1 points) is the one the node carries ({@link RingSrs}:
 * the bundled resource, or the file named by {@code -Djam.srs}); it is loaded once, on first use. The per-domain
 * commitment tables (the Lagrange-basis SRS, seconds of group FFT) are read from the files the distribution
 * generates at package time ({@code -Djam.ringTables}, see {@code RingTableFiles}), else built on first use; Υ's
 * {@code prepare} and {@link #prepareRingRoot} start that in the background, off the import path.
 */
public final class BandersnatchRing implements io.jamboree.stf.safrole.RingVrf {

    private static final int SRS_POINTS = 2048;
    private static final BandersnatchRing SHARED = new BandersnatchRing(null);

    private final Path srsFile;
    private volatile Srs srs;
    private volatile RingCommitment commitment;
    private final ConcurrentHashMap<Integer, RingVrf> verifiers = new ConcurrentHashMap<>();
    /** Ring roots by the SHA-256 of their keys: computed, or being computed ahead ({@link #prepareRingRoot}). */
    private final ConcurrentHashMap<java.nio.ByteBuffer, CompletableFuture<byte[]>> roots = new ConcurrentHashMap<>();
    private static final int ROOTS_KEPT = 8;
    /** The ring sizes whose verifier code has been run once ahead (see {@link #warmVerifier}). */
    private final java.util.Set<Integer> warmed = ConcurrentHashMap.newKeySet();
    /** One daemon thread for the work done ahead; created on first use. */
    private volatile ExecutorService ahead;
    /** One daemon thread for the verifier warm-up ({@link #warmVerifier}); created on first use. */
    private volatile ExecutorService warmer;

    private BandersnatchRing(Path srsFile) {
        this.srsFile = srsFile;
    }

    /** The process-wide instance (SRS from {@link RingSrs#load(int)}). */
    public static BandersnatchRing shared() {
        return SHARED;
    }

    /** An instance reading the SRS from the given Zcash-layout file (compressed or uncompressed points). */
    public static BandersnatchRing withSrs(Path srsFile) {
        return new BandersnatchRing(srsFile);
    }

    private RingCommitment commitment() {
        RingCommitment c = commitment;
        if (c == null) {
            synchronized (this) {
                c = commitment;
                if (c == null) {
                    srs = srsFile != null ? RingSrs.fromFile(srsFile, SRS_POINTS) : RingSrs.load(SRS_POINTS);
                    c = new RingCommitment(srs);
                    if (srsFile == null) {
                        // tables generated at package time (bin/jam names their folder), if any
                        io.jamboree.stf.internal.RingTableFiles.loadConfigured(c);
                    }
                    commitment = c;
                }
            }
        }
        return c;
    }

    @Override
    public byte[] ringRoot(List<byte[]> keys) {
        CompletableFuture<byte[]> f = root(keys, false);
        try {
            return f.join().clone();
        } catch (CompletionException e) {
            roots.remove(digest(keys), f); // not cached: the next call computes (and reports) afresh
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Computes the ring root of {@code keys} on a background thread, unless known or under way; {@link #ringRoot}
     * then waits for it instead of computing it again. The first time per ring size it also runs the ring proof
     * verifier once on a well-formed dummy proof, so its code is compiled before the first tickets arrive.
     */
    @Override
    public void prepareRingRoot(List<byte[]> keys) {
        root(keys, true);
    }

    private CompletableFuture<byte[]> root(List<byte[]> keys, boolean inBackground) {
        java.nio.ByteBuffer d = digest(keys);
        CompletableFuture<byte[]> f = roots.get(d);
        if (f != null) {
            return f;
        }
        if (roots.size() >= ROOTS_KEPT) {
            roots.clear();
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        f = roots.putIfAbsent(d, mine);
        if (f != null) {
            return f;
        }
        List<byte[]> copy = new java.util.ArrayList<>(keys.size());
        for (byte[] k : keys) {
            copy.add(k.clone());
        }
        Runnable work = () -> {
            try {
                mine.complete(compute(copy));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
            if (inBackground && !warmed.contains(copy.size())) {
                // on its own thread: a root asked for meanwhile (the next epoch's) must not queue behind it
                warmer().execute(() -> warmVerifier(copy.size()));
            }
        };
        if (inBackground) {
            ahead().execute(work);
        } else {
            work.run();
        }
        return mine;
    }

    private byte[] compute(List<byte[]> keys) {
        RingCommitment c = commitment();
        return c.commit(keys);
    }

    /** SHA-256 of the key count and the keys. */
    private static java.nio.ByteBuffer digest(List<byte[]> keys) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(java.nio.ByteBuffer.allocate(4).putInt(keys.size()).array());
            for (byte[] k : keys) {
                md.update(k);
            }
            return java.nio.ByteBuffer.wrap(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private ExecutorService ahead() {
        ExecutorService e = ahead;
        if (e == null) {
            synchronized (this) {
                e = ahead;
                if (e == null) {
                    ahead = e = daemonThread("jam-ring-ahead");
                }
            }
        }
        return e;
    }

    private ExecutorService warmer() {
        ExecutorService e = warmer;
        if (e == null) {
            synchronized (this) {
                e = warmer;
                if (e == null) {
                    warmer = e = daemonThread("jam-ring-warm-up");
                }
            }
        }
        return e;
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the verifier for rings of this size once ({@link RingVrf#warmUp}), so that its code is compiled
     * before the first tickets arrive.
     */
    private void warmVerifier(int ringSize) {
        if (!warmed.add(ringSize)) {
            return;
        }
        try {
            byte[] root = compute(java.util.Collections.nCopies(ringSize, new byte[32]));
            RingVrf vrf = verifiers.computeIfAbsent(ringSize, size -> RingVrf.of(srs, commitment(), size));
            vrf.warmUp(root);
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only; a LinkageError when the node stops (and the bundle's wiring goes) while it runs
        }
    }

    @Override
    public byte[] verify(byte[] ringRoot, int ringSize, byte[] context, byte[] proof) {
        RingCommitment c = commitment();
        RingVrf vrf = verifiers.computeIfAbsent(ringSize, size -> RingVrf.of(srs, c, size));
        // GP eq. 6.29: the ticket proof signs the empty message with the context as VRF input
        return vrf.verify(ringRoot, context, new byte[0], proof).orElse(null);
    }

    @Override
    public byte[][] verifyAll(byte[] ringRoot, int ringSize, List<byte[]> contexts, List<byte[]> proofs) {
        RingCommitment c = commitment();
        RingVrf vrf = verifiers.computeIfAbsent(ringSize, size -> RingVrf.of(srs, c, size));
        // one batched pairing check for the block's tickets; each proof alone only if that fails
        return vrf.verifyBatch(ringRoot, contexts, java.util.Collections.nCopies(proofs.size(), new byte[0]), proofs);
    }
}
