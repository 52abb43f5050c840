package io.jamboree.stf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.safrole.RingSrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ring commitment tables written to a file and read back by a fresh engine ({@link RingTableFiles}) give the
 * {@code ring_pks_com} of the Bandersnatch ring VRF vectors; a corrupt file, or one for another SRS, is refused.
 */
class RingTableFilesTest {

    private static Srs srs;
    private static byte[] tinyFile;

    @BeforeAll
    static void writeTables() {
        srs = RingSrs.load(2048);
        tinyFile = RingTableFiles.build(new RingCommitment(srs), 6);
    }

    @Test
    void tablesReadBackGiveTheVectorsCommitments(@TempDir Path tmp) throws IOException {
        String json = Files.readString(VectorsFolder.require("bandersnatch-vrf-0.1/assets/vectors")
                .resolve("bandersnatch_sha-512_ell2_ring.json"));
        Matcher pks = Pattern.compile("\"ring_pks\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(json);
        Matcher com = Pattern.compile("\"ring_pks_com\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(json);
        Path file = tmp.resolve(RingTableFiles.fileName(6));
        Files.write(file, tinyFile);

        RingCommitment fresh = new RingCommitment(srs);
        assertFalse(fresh.isPrepared(6));
        assertTrue(RingTableFiles.load(file, fresh), "tables file accepted");
        assertTrue(fresh.isPrepared(6), "domain 512 ready without building");
        int cases = 0;
        while (pks.find() && com.find()) {
            byte[] all = HexFormat.of().parseHex(pks.group(1));
            List<byte[]> ring = new ArrayList<>();
            for (int o = 0; o < all.length; o += 32) {
                ring.add(Arrays.copyOfRange(all, o, o + 32));
            }
            assertEquals(512, RingCommitment.domainSize(ring.size()), "the vectors' rings use the tiny domain");
            assertArrayEquals(HexFormat.of().parseHex(com.group(1)), fresh.commit(ring), "ring of case " + cases);
            cases++;
        }
        assertEquals(7, cases, "ring vectors");
    }

    @Test
    void aCorruptFileIsRefused(@TempDir Path tmp) throws IOException {
        byte[] b = tinyFile.clone();
        b[b.length - 5] ^= 1;
        Path file = tmp.resolve(RingTableFiles.fileName(6));
        Files.write(file, b);
        RingCommitment fresh = new RingCommitment(srs);
        assertFalse(RingTableFiles.load(file, fresh));
        assertFalse(fresh.isPrepared(6));

        Files.write(file, Arrays.copyOf(tinyFile, 40));
        assertFalse(RingTableFiles.load(file, fresh), "truncated");
        assertFalse(fresh.isPrepared(6));
    }

    @Test
    void tablesOfAnotherSrsAreRefused(@TempDir Path tmp) throws IOException {
        byte[] b = tinyFile.clone();
        b[0] ^= 1; // SRS hash
        Path file = tmp.resolve(RingTableFiles.fileName(6));
        Files.write(file, b);
        RingCommitment fresh = new RingCommitment(srs);
        assertFalse(RingTableFiles.load(file, fresh));
        assertFalse(fresh.isPrepared(6));
    }
}
