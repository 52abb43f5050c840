package io.jamboree.stf.safrole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ring roots of {@link BandersnatchRing} (bundled SRS and tables), computed ahead by
 * {@link BandersnatchRing#prepareRingRoot} or on demand, against the {@code ring_pks_com} of the Bandersnatch
 * ring VRF vectors.
 */
class BandersnatchRingTest {

    private record Case(List<byte[]> ring, byte[] commitment) { }

    private static List<Case> cases() throws IOException {
        String json = Files.readString(VectorsFolder.require("bandersnatch-vrf-0.1/assets/vectors")
                .resolve("bandersnatch_sha-512_ell2_ring.json"));
        Matcher pks = Pattern.compile("\"ring_pks\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(json);
        Matcher com = Pattern.compile("\"ring_pks_com\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(json);
        List<Case> out = new ArrayList<>();
        while (pks.find() && com.find()) {
            byte[] all = HexFormat.of().parseHex(pks.group(1));
            List<byte[]> ring = new ArrayList<>();
            for (int o = 0; o < all.length; o += 32) {
                ring.add(java.util.Arrays.copyOfRange(all, o, o + 32));
            }
            out.add(new Case(ring, HexFormat.of().parseHex(com.group(1))));
        }
        assertEquals(7, out.size(), "ring vectors");
        return out;
    }

    @Test
    void rootsComputedAheadOrOnDemandAreTheVectorsCommitments() throws IOException {
        List<Case> cases = cases();
        BandersnatchRing ahead = BandersnatchRing.shared();
        for (Case c : cases) {
            ahead.prepareRingRoot(c.ring());
        }
        for (Case c : cases) {
            assertArrayEquals(c.commitment(), ahead.ringRoot(c.ring()), "root computed ahead");
            assertArrayEquals(c.commitment(), ahead.ringRoot(c.ring()), "root asked again");
        }
        // a caller changing its key arrays afterwards changes nothing cached
        List<byte[]> ring = new ArrayList<>();
        for (byte[] k : cases.get(0).ring()) {
            ring.add(k.clone());
        }
        ahead.prepareRingRoot(ring);
        byte[] root = ahead.ringRoot(ring);
        ring.get(0)[0] ^= 1;
        assertArrayEquals(cases.get(0).commitment(), root);
        root[0] ^= 1;
        assertArrayEquals(cases.get(0).commitment(), ahead.ringRoot(cases.get(0).ring()), "the returned root is a copy");
    }

    @Test
    void aMissingSrsFileIsReportedOnEveryCall() {
        BandersnatchRing broken = BandersnatchRing.withSrs(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "no-such-srs-" + System.nanoTime() + ".bin"));
        List<byte[]> ring = List.of(new byte[32], new byte[32]);
        broken.prepareRingRoot(ring);
        assertThrows(java.io.UncheckedIOException.class, () -> broken.ringRoot(ring));
        assertThrows(java.io.UncheckedIOException.class, () -> broken.ringRoot(ring), "not a cached failure");
    }
}
