package io.jamboree.stf.safrole;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.crypto.RingVrf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link io.jamboree.stf.safrole.RingVrf} over jam-bls (the ring root O, GP Appendix G / §6.3 eq. 6.13) and
 * jam-crypto's {@link RingVrf} (ring VRF verification with output Y, §6.7 eq. 6.29-6.30). One crypto
 * ring VRF per ring size (it fixes the PLONK domain), all sharing the SRS and the commitment caches.
 *
 * <p>The KZG SRS (Zcash powers of tau, 2^11 points) is loaded lazily from the system property {@code jam.srs},
 * else from the vectors folder ({@code jam.vectors}).
 */
public final class BandersnatchRing implements io.jamboree.stf.safrole.RingVrf {

    private static final int SRS_POINTS = 2048;
    private static final BandersnatchRing SHARED = new BandersnatchRing(null);

    private final Path srsFile;
    private volatile Srs srs;
    private volatile RingCommitment commitment;
    private final ConcurrentHashMap<Integer, RingVrf> verifiers = new ConcurrentHashMap<>();

    private BandersnatchRing(Path srsFile) {
        this.srsFile = srsFile;
    }

    /** The process-wide instance (SRS located via {@code jam.srs} / {@code jam.vectors}). */
    public static BandersnatchRing shared() {
        return SHARED;
    }

    /** An instance reading the SRS from the given Zcash-encoded file. */
    public static BandersnatchRing withSrs(Path srsFile) {
        return new BandersnatchRing(srsFile);
    }

    private RingCommitment commitment() {
        RingCommitment c = commitment;
        if (c == null) {
            synchronized (this) {
                c = commitment;
                if (c == null) {
                    Path file = srsFile != null ? srsFile : locateSrs();
                    try {
                        srs = Srs.load(file, SRS_POINTS);
                        c = new RingCommitment(srs);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read SRS " + file, e);
                    }
                    commitment = c;
                }
            }
        }
        return c;
    }

    private static Path locateSrs() {
        String explicit = System.getProperty("jam.srs");
        if (explicit != null) {
            return Path.of(explicit);
        }
        Path base = Path.of(System.getProperty("jam.vectors", System.getProperty("user.home") + "/.cache/jam-vectors"));
        Path[] candidates = {
            base.resolve("bandersnatch-vrf-0.1/assets/srs/zcash-srs-2-11-uncompressed.bin"),
            base.resolve("jam-test-vectors-0.7.2/stf/safrole/zcash-srs-2-11-uncompressed.bin"),
        };
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no SRS found: set -Djam.srs or -Djam.vectors");
    }

    @Override
    public byte[] ringRoot(List<byte[]> keys) {
        return commitment().commit(keys);
    }

    @Override
    public byte[] verify(byte[] ringRoot, int ringSize, byte[] context, byte[] proof) {
        RingCommitment c = commitment();
        RingVrf vrf = verifiers.computeIfAbsent(ringSize, size -> RingVrf.of(srs, c, size));
        // GP eq. 6.29: the ticket proof signs the empty message with the context as VRF input
        return vrf.verify(ringRoot, context, new byte[0], proof).orElse(null);
    }
}
