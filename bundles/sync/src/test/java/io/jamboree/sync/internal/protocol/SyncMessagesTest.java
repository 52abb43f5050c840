package io.jamboree.sync.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.TicketEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JAMNP-S messages of UP 0, CE 128, CE 129 and CE 131/132 against byte layouts derived by hand from the spec text
 * ({@code spec/jamnp-s.md}: u32 little endian, {@code len++} a GP compact natural) and against the published codec
 * vectors (jam-test-vectors-0.7.2/codec/tiny) for the GP-encoded parts (headers, blocks, tickets).
 */
class SyncMessagesTest {
    private static final ChainParams P = ChainParams.tiny();

    private static byte[] fill(int n, int b) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) b);
        return a;
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static byte[] codec(String name) throws IOException {
        return Files.readAllBytes(VectorsFolder.require("jam-test-vectors-0.7.2/codec/tiny").resolve(name));
    }

    @Test
    void handshakeIsFinalThenCompactCountOfLeaves() {
        Handshake h = new Handshake(new BlockRef(new Hash(fill(32, 1)), 5),
                List.of(new BlockRef(new Hash(fill(32, 2)), 0x01020304L), new BlockRef(new Hash(fill(32, 3)), 0)));
        byte[] expected = cat(fill(32, 1), Hex.decode("05000000"), Hex.decode("02"), fill(32, 2),
                Hex.decode("04030201"), fill(32, 3), Hex.decode("00000000"));
        assertArrayEquals(expected, SyncMessages.encode(h));
        assertEquals(h, SyncMessages.decodeHandshake(expected));
        // no leaves: 36 + 1 bytes
        assertEquals(37, SyncMessages.encode(new Handshake(h.finalized(), List.of())).length);
    }

    @Test
    void handshakeRefusesTruncatedAndTrailingBytes() {
        byte[] good = cat(fill(32, 1), Hex.decode("05000000"), Hex.decode("01"), fill(32, 2), Hex.decode("00000000"));
        assertThrows(CodecException.class, () -> SyncMessages.decodeHandshake(Arrays.copyOf(good, good.length - 1)));
        assertThrows(CodecException.class, () -> SyncMessages.decodeHandshake(cat(good, new byte[1])));
        // a leaf count far beyond the message
        byte[] huge = cat(fill(32, 1), Hex.decode("05000000"), Hex.decode("ffffffffffffffffff"));
        assertThrows(CodecException.class, () -> SyncMessages.decodeHandshake(huge));
    }

    @Test
    void announcementIsThePublishedHeaderThenFinal() throws IOException {
        byte[] header = codec("header_1.bin");
        Header h = Header.decode(new Decoder(header), P);
        byte[] fin = cat(fill(32, 0xab), Hex.decode("10000000"));
        byte[] expected = cat(header, fin);
        Announcement a = new Announcement(h, new BlockRef(new Hash(fill(32, 0xab)), 16));
        assertArrayEquals(expected, SyncMessages.encode(a, P));
        Announcement back = SyncMessages.decodeAnnouncement(expected, P);
        assertEquals(h.hash(P), back.header().hash(P));
        assertEquals(a.finalized(), back.finalized());
        assertThrows(CodecException.class, () -> SyncMessages.decodeAnnouncement(header, P));
    }

    @Test
    void blockRequestIsHashDirectionByteAndU32() {
        BlockRequest r = new BlockRequest(new Hash(fill(32, 0xaa)), BlockRequest.Direction.DESCENDING_INCLUSIVE, 10);
        byte[] expected = cat(fill(32, 0xaa), Hex.decode("01"), Hex.decode("0a000000"));
        assertArrayEquals(expected, SyncMessages.encode(r));
        assertEquals(r, SyncMessages.decodeBlockRequest(expected));
        byte[] asc = cat(fill(32, 0xaa), Hex.decode("00"), Hex.decode("ffffffff"));
        BlockRequest a = SyncMessages.decodeBlockRequest(asc);
        assertEquals(BlockRequest.Direction.ASCENDING_EXCLUSIVE, a.direction());
        assertEquals(0xFFFF_FFFFL, a.maxBlocks());
        assertThrows(CodecException.class,
                () -> SyncMessages.decodeBlockRequest(cat(fill(32, 0xaa), Hex.decode("02"), Hex.decode("0a000000"))));
    }

    @Test
    void blockResponseIsThePublishedBlocksConcatenated() throws IOException {
        byte[] block = codec("block.bin");
        Block b = Block.decode(new Decoder(block), P);
        byte[] two = cat(block, block);
        assertArrayEquals(two, SyncMessages.encodeBlocks(List.of(b, b), P));
        List<Block> back = SyncMessages.decodeBlocks(two, P, 2);
        assertEquals(2, back.size());
        assertEquals(b.header().hash(P), back.get(1).header().hash(P));
        assertEquals(0, SyncMessages.decodeBlocks(new byte[0], P, 5).size());
        assertThrows(CodecException.class, () -> SyncMessages.decodeBlocks(two, P, 1));
        assertThrows(CodecException.class, () -> SyncMessages.decodeBlocks(Arrays.copyOf(two, two.length - 3), P, 2));
    }

    @Test
    void stateRequestIsHashTwo31ByteKeysAndU32() {
        StateRequest r = new StateRequest(new Hash(fill(32, 7)), new byte[31], fill(31, 0xff), 1024);
        byte[] expected = cat(fill(32, 7), new byte[31], fill(31, 0xff), Hex.decode("00040000"));
        assertEquals(32 + 31 + 31 + 4, expected.length);
        assertArrayEquals(expected, SyncMessages.encode(r));
        assertEquals(r, SyncMessages.decodeStateRequest(expected));
        assertThrows(CodecException.class, () -> SyncMessages.decodeStateRequest(Arrays.copyOf(expected, 97)));
    }

    @Test
    void statePairsAre31ByteKeysAndCompactLengthValues() {
        byte[] k1 = fill(31, 1);
        byte[] k2 = fill(31, 2);
        byte[] v2 = fill(200, 9);
        List<KeyValue> pairs = List.of(new KeyValue(StateKey.ofBytes(k1), Hex.decode("aabbcc")),
                new KeyValue(StateKey.ofBytes(k2), v2));
        // 200 = 2^7 <= x < 2^14: two bytes [2^7 + floor(200 / 2^8), 200 mod 2^8] = 80 c8 (GP C.6)
        byte[] expected = cat(k1, Hex.decode("03aabbcc"), k2, Hex.decode("80c8"), v2);
        assertArrayEquals(expected, SyncMessages.encodePairs(pairs));
        assertEquals(pairs, SyncMessages.decodePairs(expected));
        byte[] nodes = cat(fill(64, 1), fill(64, 2));
        List<byte[]> back = SyncMessages.decodeBoundaryNodes(nodes);
        assertEquals(2, back.size());
        assertArrayEquals(fill(64, 2), back.get(1));
        assertArrayEquals(nodes, SyncMessages.encodeBoundaryNodes(back));
        assertThrows(CodecException.class, () -> SyncMessages.decodeBoundaryNodes(new byte[65]));
    }

    @Test
    void ticketIsEpochU32ThenThePublishedTicket() throws IOException {
        byte[] ext = codec("tickets_extrinsic.bin");
        // len++[Ticket]: a one-byte count below 128, then attempt ++ 784-byte proof each
        int count = ext[0];
        byte[] first = Arrays.copyOfRange(ext, 1, 1 + 785);
        Decoder d = new Decoder(first);
        TicketEnvelope t = TicketEnvelope.decode(d, P);
        byte[] expected = cat(Hex.decode("07000000"), first);
        assertEquals(TicketDistribution.SIZE, expected.length);
        assertArrayEquals(expected, SyncMessages.encode(new TicketDistribution(7, t)));
        TicketDistribution back = SyncMessages.decodeTicket(expected);
        assertEquals(7, back.epoch());
        assertEquals(t, back.ticket());
        assertEquals(true, count >= 1);
        assertThrows(CodecException.class, () -> SyncMessages.decodeTicket(Arrays.copyOf(expected, 788)));
        assertThrows(CodecException.class, () -> SyncMessages.decodeTicket(cat(expected, new byte[1])));
    }
}
