package io.jamboree.stf.safrole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.bls.Srs;
import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The SRS the node carries ({@link RingSrs}) against the uncompressed file of the Bandersnatch VRF vectors. */
class RingSrsTest {

    private static byte[] uncompressedFile() throws IOException {
        Path f = VectorsFolder.require("bandersnatch-vrf-0.1/assets/srs").resolve("zcash-srs-2-11-uncompressed.bin");
        assertTrue(Files.isRegularFile(f), "SRS file missing from the vectors: " + f);
        return Files.readAllBytes(f);
    }

    private static long le64(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }

    @Test
    void bundledResourceDecodesToExactlyThePointsOfTheUncompressedFile() throws IOException {
        byte[] file = uncompressedFile();
        int n1 = (int) le64(file, 0);
        int g2At = 8 + 96 * n1;
        int n2 = (int) le64(file, g2At);
        assertEquals(file.length, g2At + 8 + 192 * n2, "layout of the uncompressed file");

        Srs bundled = Srs.parseCompressed(RingSrs.bundledBytes(), Integer.MAX_VALUE);
        assertEquals(n1, bundled.g1Size());
        for (int i = 0; i < n1; i++) {
            int at = 8 + 96 * i;
            assertArrayEquals(Arrays.copyOfRange(file, at, at + 96), bundled.g1(i).toUncompressed(), "G1 point " + i);
        }
        for (int i = 0; i < n2; i++) {
            int at = g2At + 8 + 192 * i;
            assertArrayEquals(Arrays.copyOfRange(file, at, at + 192), bundled.g2Bytes(i), "G2 point " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> bundled.g2Bytes(n2), "no G2 point beyond the file's " + n2);
    }

    @Test
    void loadKeepsTheFirstPointsAndIsUnderOneMebibyte() throws IOException {
        byte[] file = uncompressedFile();
        byte[] bundled = RingSrs.bundledBytes();
        assertTrue(bundled.length < 1 << 20, "bundled SRS is " + bundled.length + " bytes");
        Srs s = RingSrs.load(2048);
        assertEquals(2048, s.g1Size());
        assertArrayEquals(Arrays.copyOfRange(file, 8 + 96 * 2047, 8 + 96 * 2048), s.g1(2047).toUncompressed());
    }

    @Test
    void aFileInEitherEncodingGivesTheSamePoints(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path compressed = tmp.resolve("srs-compressed.bin");
        Files.write(compressed, RingSrs.bundledBytes());
        Path uncompressed = VectorsFolder.require("bandersnatch-vrf-0.1/assets/srs").resolve("zcash-srs-2-11-uncompressed.bin");
        Srs a = RingSrs.fromFile(compressed, 16);
        Srs b = RingSrs.fromFile(uncompressed, 16);
        for (int i = 0; i < 16; i++) {
            assertEquals(b.g1(i), a.g1(i), "G1 point " + i);
        }
        assertArrayEquals(b.g2Bytes(1), a.g2Bytes(1));
    }

    @Test
    void aCorruptResourceIsAClearError() {
        byte[] b = RingSrs.bundledBytes().clone();
        b[1000] ^= 1;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RingSrs.verified(b, RingSrs.SHA256, "test copy"));
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains(RingSrs.SHA256), e.getMessage());
    }

    @Test
    void theNoteBesideTheResourceGivesItsHashAndOrigin() throws IOException {
        String note;
        try (InputStream in = RingSrs.class.getResourceAsStream("zcash-srs-2-11-compressed.txt")) {
            assertTrue(in != null, "origin note missing");
            note = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(note.contains(RingSrs.SHA256), "note lacks the resource's SHA-256");
        String fileSha = java.util.HexFormat.of().formatHex(sha256(uncompressedFile()));
        assertTrue(note.contains(fileSha), "note lacks the SHA-256 of the uncompressed file, " + fileSha);
        assertTrue(note.contains("powers-of-tau") && note.contains("Bandersnatch VRF"), note);
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
