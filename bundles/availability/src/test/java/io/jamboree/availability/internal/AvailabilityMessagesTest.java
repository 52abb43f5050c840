package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.availability.internal.AvailabilityMessages.Assurance;
import io.jamboree.availability.internal.AvailabilityMessages.PreimageAnnouncement;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentRequest;
import io.jamboree.availability.internal.AvailabilityMessages.SegmentShardRequest;
import io.jamboree.availability.internal.AvailabilityMessages.ShardRequest;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Blob;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips, size limits and bad input of the availability protocols' messages. */
final class AvailabilityMessagesTest {
    private static final ChainParams P = ChainParams.tiny();
    private final Random r = new Random(3);

    @Test
    void shardRequest() {
        Hash root = TestPackages.hash(r);
        byte[] m = new ShardRequest(root, 5).encode();
        assertEquals(34, m.length);
        assertEquals(5, m[32] & 0xff, "u16 little endian");
        ShardRequest back = ShardRequest.decode(m, P);
        assertEquals(root, back.erasureRoot());
        assertEquals(5, back.shardIndex());
        assertThrows(CodecException.class, () -> ShardRequest.decode(new ShardRequest(root, 6).encode(), P),
                "shard index beyond V");
        assertThrows(CodecException.class, () -> ShardRequest.decode(Arrays.copyOf(m, 33), P), "truncated");
        assertThrows(CodecException.class, () -> ShardRequest.decode(Arrays.copyOf(m, 35), P), "trailing");
    }

    @Test
    void segmentShardRequests() {
        List<SegmentShardRequest> rs = List.of(new SegmentShardRequest(TestPackages.hash(r), 1, new int[] {0, 2, 9}),
                new SegmentShardRequest(TestPackages.hash(r), 4, new int[] {}));
        byte[] m = AvailabilityMessages.encodeSegmentShardRequests(rs);
        assertEquals(2 * 34 + 1 + 6 + 1, m.length);
        List<SegmentShardRequest> back = AvailabilityMessages.decodeSegmentShardRequests(m, P);
        assertEquals(2, back.size());
        assertEquals(rs.get(0).erasureRoot(), back.get(0).erasureRoot());
        assertArrayEquals(new int[] {0, 2, 9}, back.get(0).segmentIndices());
        assertEquals(4, back.get(1).shardIndex());
        int[] tooMany = new int[AvailabilityMessages.MAX_SEGMENT_SHARDS + 1];
        byte[] big = AvailabilityMessages.encodeSegmentShardRequests(
                List.of(new SegmentShardRequest(TestPackages.hash(r), 0, tooMany)));
        assertThrows(CodecException.class, () -> AvailabilityMessages.decodeSegmentShardRequests(big, P));
        assertThrows(CodecException.class,
                () -> AvailabilityMessages.decodeSegmentShardRequests(Arrays.copyOf(m, m.length - 1), P));
    }

    @Test
    void segmentRequestsAndImportProofs() {
        List<SegmentRequest> rs = List.of(new SegmentRequest(TestPackages.hash(r), new int[] {3, 1}));
        List<SegmentRequest> back = AvailabilityMessages.decodeSegmentRequests(
                AvailabilityMessages.encodeSegmentRequests(rs));
        assertEquals(rs.get(0).segmentsRoot(), back.get(0).segmentsRoot());
        assertArrayEquals(new int[] {3, 1}, back.get(0).indices());
        byte[] big = AvailabilityMessages.encodeSegmentRequests(
                List.of(new SegmentRequest(TestPackages.hash(r), new int[AvailabilityMessages.MAX_SEGMENTS + 1])));
        assertThrows(CodecException.class, () -> AvailabilityMessages.decodeSegmentRequests(big));

        List<List<byte[]>> proofs = List.of(List.of(TestPackages.hash(r).bytes(), TestPackages.hash(r).bytes()),
                List.of());
        byte[] pm = AvailabilityMessages.encodeImportProofs(proofs);
        List<List<byte[]>> pb = AvailabilityMessages.decodeImportProofs(pm, 2);
        assertEquals(2, pb.get(0).size());
        assertArrayEquals(proofs.get(0).get(1), pb.get(0).get(1));
        assertEquals(0, pb.get(1).size());
        assertThrows(CodecException.class, () -> AvailabilityMessages.decodeImportProofs(pm, 1), "too many proofs");
    }

    @Test
    void assurance() {
        byte[] sig = new byte[64];
        r.nextBytes(sig);
        Assurance a = new Assurance(TestPackages.hash(r), new Blob(new byte[] {3}), new Ed25519Signature(sig));
        byte[] m = a.encode(P);
        assertEquals(32 + 1 + 64, m.length);
        Assurance back = Assurance.decode(m, P);
        assertEquals(a.anchor(), back.anchor());
        assertArrayEquals(new byte[] {3}, back.bitfield().bytes());
        assertArrayEquals(sig, back.signature().bytes());
        assertThrows(CodecException.class, () -> Assurance.decode(Arrays.copyOf(m, 96), P));
        assertThrows(CodecException.class, () -> Assurance.decode(Arrays.copyOf(m, 98), P));
        assertThrows(IllegalArgumentException.class,
                () -> new Assurance(a.anchor(), new Blob(new byte[2]), a.signature()).encode(P), "bitfield size");
    }

    @Test
    void preimageAnnouncementAndHashes() {
        PreimageAnnouncement a = new PreimageAnnouncement(0xfffffffeL, TestPackages.hash(r), 1234);
        byte[] m = a.encode();
        assertEquals(40, m.length);
        assertEquals(a, PreimageAnnouncement.decode(m));
        assertThrows(CodecException.class, () -> PreimageAnnouncement.decode(Arrays.copyOf(m, 39)));
        assertThrows(CodecException.class, () -> AvailabilityMessages.decodeHash(new byte[31], "CE 147"));
    }

    @Test
    void splitChecksItemSizeAndCount() {
        byte[] m = new byte[24];
        assertEquals(2, AvailabilityMessages.split(m, 12, 2, "x").size());
        assertThrows(CodecException.class, () -> AvailabilityMessages.split(m, 10, 5, "x"), "not whole items");
        assertThrows(CodecException.class, () -> AvailabilityMessages.split(m, 12, 1, "x"), "too many");
    }
}
