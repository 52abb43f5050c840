package io.jamboree.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.erasure.AvailabilityChunks;
import io.jamboree.erasure.ErasureCodingException;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bundle chunks, segment shards, paged proofs and the erasure root of GP §14.3.1 and §14.4.1. */
class ChunkingAvailabilitySpecifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ChunkingAvailabilitySpecifier spec = new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding());

    private static JsonNode vector(String chain, String name) throws IOException {
        Path p = VectorsFolder.path().resolve("jam-test-vectors-0.7.2/erasure").resolve(chain).resolve(name);
        assertTrue(Files.isRegularFile(p), "missing vector " + p + " (" + VectorsFolder.RULE + ")");
        return JSON.readTree(p.toFile());
    }

    private static byte[][] shards(JsonNode v) {
        byte[][] s = new byte[v.get("shards").size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = Hex.decode(v.get("shards").get(i).asText());
        }
        return s;
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** A segment is 4104 octets: ec-4104 is one, and its shards are the segment's (also beside other segments). */
    @Test
    void segmentShardsAreTheVectorsShardsAlsoInABatch() throws IOException {
        for (ChainParams p : new ChainParams[] {ChainParams.tiny(), ChainParams.full()}) {
            JsonNode v = vector(p.name(), "ec-4104.json");
            byte[] segment = Hex.decode(v.get("data").asText());
            byte[][] expected = shards(v);
            Random r = new Random(4104);
            List<byte[]> batch = List.of(random(r, 4104), segment, random(r, 4104));
            byte[][][] out = spec.segmentShards(p, batch);
            assertEquals(p.validatorsCount(), out.length);
            for (int s = 0; s < out.length; s++) {
                assertEquals(3, out[s].length);
                assertArrayEquals(expected[s], out[s][1], p.name() + " validator " + s);
                assertEquals(2 * p.segmentEcPieces(), out[s][0].length);
            }
            // and every segment comes back from the shards of any W_E/2 validators
            int need = p.ecPieceSize() / 2;
            for (int round = 0; round < 3; round++) {
                int[] subset = ErasureVectorsTest.randomSubset(r, p.validatorsCount(), need);
                for (int j = 0; j < 3; j++) {
                    byte[][] given = new byte[need][];
                    for (int t = 0; t < need; t++) {
                        given[t] = out[subset[t]][j];
                    }
                    assertArrayEquals(batch.get(j), spec.reconstructSegment(p, subset, given));
                }
            }
        }
    }

    /** Bundle chunks are C over the zero-padded bundle: ec-100 as a 100-octet bundle gives the vector's shards. */
    @Test
    void bundleChunksPadAndRecover() throws IOException {
        for (ChainParams p : new ChainParams[] {ChainParams.tiny(), ChainParams.full()}) {
            JsonNode v = vector(p.name(), "ec-100.json");
            byte[] bundle = Hex.decode(v.get("data").asText());
            byte[][] chunks = spec.bundleChunks(p, bundle);
            assertEquals(p.validatorsCount(), chunks.length);
            byte[][] expected = shards(v);
            for (int s = 0; s < chunks.length; s++) {
                assertArrayEquals(expected[s], chunks[s], p.name() + " chunk " + s);
            }
            int need = p.ecPieceSize() / 2;
            int[] last = new int[need];
            byte[][] given = new byte[need][];
            for (int t = 0; t < need; t++) {
                last[t] = p.validatorsCount() - need + t;
                given[t] = chunks[last[t]];
            }
            assertArrayEquals(bundle, spec.reconstructBundle(p, bundle.length, last, given));
            assertThrows(ErasureCodingException.class, () -> spec.reconstructBundle(p, 100 + p.ecPieceSize(), last, given));
        }
    }

    /** P(s): each page proves its 64 segments against the segment root M(s) (eq. 14.10, E.4–E.6). */
    @Test
    void pagedProofsJustifyEverySegmentAgainstTheSegmentRoot() {
        ChainParams p = ChainParams.tiny();
        Random r = new Random(70);
        List<byte[]> segments = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            segments.add(random(r, 4104));
        }
        byte[] root = ConstantDepthMerkle.root(segments);
        List<byte[]> pages = spec.pagedProofs(p, segments);
        assertEquals(2, pages.size());
        for (int page = 0; page < 2; page++) {
            byte[] bytes = pages.get(page);
            assertEquals(4104, bytes.length);
            Decoder d = new Decoder(bytes);
            int depth = (int) d.natural();
            assertEquals(1, depth, "⌈log2 70⌉ − 6 path hashes");
            byte[][] path = new byte[depth][];
            for (int i = 0; i < depth; i++) {
                path[i] = d.bytes(32, "hash");
            }
            int count = (int) d.natural();
            assertEquals(page == 0 ? 64 : 6, count);
            byte[][] leaves = new byte[64][];
            for (int i = 0; i < 64; i++) {
                leaves[i] = i < count ? d.bytes(32, "hash") : new byte[32];
                if (i < count) {
                    byte[] leafInput = concat("leaf".getBytes(StandardCharsets.US_ASCII), segments.get(page * 64 + i));
                    assertArrayEquals(Blake2b256.hash(leafInput), leaves[i]);
                }
            }
            while (d.remaining() > 0) {
                assertEquals(0, d.u8(), "zero padding");
            }
            byte[] node = BinaryMerkle.node(leaves, 0, 64, HashFunction.BLAKE2B_256);
            for (int level = depth - 1; level >= 0; level--) {
                boolean right = ((page >> (depth - 1 - level)) & 1) == 1;
                byte[] nodeTag = "node".getBytes(StandardCharsets.US_ASCII);
                node = Blake2b256.hash(right ? concat(nodeTag, path[level], node) : concat(nodeTag, node, path[level]));
            }
            assertArrayEquals(root, node, "page " + page + " proves up to M(s)");
        }
    }

    /**
     * The erasure root's leaves are the Blake2b of each bundle chunk then M_B of the validator's shards of
     * {@code s ⌢ P(s)}; with tiny's V = 6, two validators' chunks and shards give back the bundle and every exported
     * segment (the must-show "reconstructed from the shards of the remaining 2").
     */
    @Test
    void erasureRootAndRecoveryFromTwoTinyValidators() {
        ChainParams p = ChainParams.tiny();
        Random r = new Random(6);
        byte[] bundle = random(r, 10_007);
        List<byte[]> exports = List.of(random(r, 4104), random(r, 4104), random(r, 4104));
        AvailabilityChunks c = spec.chunks(p, bundle, exports);
        assertEquals(6, c.validators());
        List<byte[]> proofs = spec.pagedProofs(p, exports);
        assertEquals(1, proofs.size());
        for (int v = 0; v < 6; v++) {
            assertEquals(4, c.segmentShards()[v].length, "3 exports and 1 proof page");
            assertArrayEquals(Blake2b256.hash(c.bundleChunks()[v]), Arrays.copyOf(c.leaves()[v], 32));
            assertArrayEquals(BinaryMerkle.wellBalancedRoot(c.segmentShards()[v], HashFunction.BLAKE2B_256),
                    Arrays.copyOfRange(c.leaves()[v], 32, 64));
        }
        assertArrayEquals(BinaryMerkle.wellBalancedRoot(c.leaves(), HashFunction.BLAKE2B_256), c.erasureRoot());

        int[] two = {3, 5};
        assertArrayEquals(bundle, spec.reconstructBundle(p, bundle.length, two,
                new byte[][] {c.bundleChunks()[3], c.bundleChunks()[5]}));
        for (int j = 0; j < 4; j++) {
            byte[] seg = spec.reconstructSegment(p, two, new byte[][] {c.segmentShards()[3][j], c.segmentShards()[5][j]});
            assertArrayEquals(j < 3 ? exports.get(j) : proofs.get(0), seg, "segment " + j);
        }

        Hash h = new Hash(Blake2b256.hash(bundle));
        AvailabilitySpec a = spec.spec(p, h, bundle, exports);
        assertEquals(h, a.hash());
        assertEquals(bundle.length, a.length());
        assertArrayEquals(c.erasureRoot(), a.erasureRoot().bytes());
        assertArrayEquals(ConstantDepthMerkle.root(exports), a.exportsRoot().bytes());
        assertEquals(3, a.exportsCount());
    }

    @Test
    void noExportsGiveZeroSegmentRoots() {
        ChainParams p = ChainParams.tiny();
        AvailabilityChunks c = spec.chunks(p, new byte[] {1, 2, 3}, List.of());
        for (byte[] leaf : c.leaves()) {
            assertArrayEquals(new byte[32], Arrays.copyOfRange(leaf, 32, 64));
        }
        assertTrue(spec.pagedProofs(p, List.of()).isEmpty());
    }

    @Test
    void badSegmentsAreRefused() {
        ChainParams p = ChainParams.full();
        assertThrows(ErasureCodingException.class, () -> spec.segmentShards(p, List.of(new byte[4103])));
        assertThrows(ErasureCodingException.class, () -> spec.pagedProofs(p, List.of(new byte[0])));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] b : parts) {
            n += b.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }
}
