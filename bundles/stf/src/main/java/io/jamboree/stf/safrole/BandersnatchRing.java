package io.jamboree.stf.safrole;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.crypto.RingVrf;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link io.jamboree.stf.safrole.RingVrf} over jam-bls (the ring root O, GP Appendix G / §6.3 eq. 6.13) and
 * jam-crypto's {@link RingVrf} (ring VRF verification with output Y, §6.7 eq. 6.29-6.30). One crypto
 * ring VRF per ring size (it fixes the PLONK domain), all sharing the SRS and the commitment caches.
 *
 * <p>The KZG SRS (Zcash powers of tau, its first 2^11 G1 points) is the one the node carries ({@link RingSrs}:
 * the bundled resource, or the file named by {@code -Djam.srs}); it is loaded once, on first use. With the bundled
 * SRS the per-domain commitment tables (the Lagrange-basis SRS, seconds of group FFT) come precomputed from
 * {@link RingSrs#bundledTables}, so the first epoch change of a process costs milliseconds, not seconds.
 */
public final class BandersnatchRing implements io.jamboree.stf.safrole.RingVrf {

    private static final int SRS_POINTS = 2048;
    private static final BandersnatchRing SHARED = new BandersnatchRing(null);

    private final Path srsFile;
    private volatile Srs srs;
    private volatile RingCommitment commitment;
    private volatile boolean bundledSrs;
    private final ConcurrentHashMap<Integer, RingVrf> verifiers = new ConcurrentHashMap<>();

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
                    bundledSrs = srsFile == null && RingSrs.isBundled();
                    srs = srsFile != null ? RingSrs.fromFile(srsFile, SRS_POINTS) : RingSrs.load(SRS_POINTS);
                    c = new RingCommitment(srs);
                    commitment = c;
                }
            }
        }
        return c;
    }

    @Override
    public byte[] ringRoot(List<byte[]> keys) {
        RingCommitment c = commitment();
        if (bundledSrs && !c.isPrepared(keys.size())) {
            RingSrs.bundledTables(RingCommitment.domainSize(keys.size())).ifPresent(c::importTables);
        }
        return c.commit(keys);
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
