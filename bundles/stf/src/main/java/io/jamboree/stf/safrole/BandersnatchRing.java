package io.jamboree.stf.safrole;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link RingVrf} over jam-bls (the ring root O, GP Appendix G / §6.3 eq. 6.13) and jam-crypto (ring VRF
 * verification, §6.7 eq. 6.29). Operations whose crypto is not available yet throw
 * {@link UnsupportedOperationException}, so that the vectors needing them fail; they never pretend success.
 *
 * <p>The KZG SRS (Zcash powers of tau, 2^11 points) is loaded lazily from the system property {@code jam.srs},
 * else from the vectors folder ({@code jam.vectors}).
 */
public final class BandersnatchRing implements RingVrf {

    private static final int SRS_POINTS = 2048;
    private static final BandersnatchRing SHARED = new BandersnatchRing(null);

    private final Path srsFile;
    private volatile RingCommitment commitment;

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
                        c = new RingCommitment(Srs.load(file, SRS_POINTS));
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
        throw new UnsupportedOperationException("ring VRF verification (jam-crypto) not available yet");
    }
}
