package io.jamboree.sync.internal.protocol;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.TicketEnvelope;
import java.util.ArrayList;
import java.util.List;

/**
 * The message contents (without the u32 length prefix the transport adds) of the JAMNP-S streams this bundle speaks:
 * UP 0, CE 128, CE 129, CE 131/132. Encoding is the GP serialization codec (Appendix C) as the spec's "Common types"
 * say: hashes 32 bytes, slots and epoch indices u32 little endian, {@code len++} a compact natural, headers and blocks
 * as in the GP. Every decoder reads exactly one whole message and throws {@link CodecException} on anything else
 * (short, trailing bytes, out-of-range values).
 */
public final class SyncMessages {
    private SyncMessages() {}

    /** UP 0 handshake: {@code Final ++ len++[Leaf]}. */
    public static byte[] encode(Handshake h) {
        Encoder e = new Encoder(BlockRef.SIZE + 1 + h.leaves().size() * BlockRef.SIZE);
        h.finalized().encode(e);
        e.varSeq(h.leaves(), (enc, l) -> l.encode(enc));
        return e.toByteArray();
    }

    public static Handshake decodeHandshake(byte[] m) {
        Decoder d = new Decoder(m);
        BlockRef fin = BlockRef.decode(d);
        List<BlockRef> leaves = d.varSeq(BlockRef.SIZE, "leaves", BlockRef::decode);
        d.expectEnd();
        return new Handshake(fin, leaves);
    }

    /** UP 0 announcement: {@code Header ++ Final}. */
    public static byte[] encode(Announcement a, ChainParams p) {
        Encoder e = new Encoder(512);
        a.header().encode(e, p);
        a.finalized().encode(e);
        return e.toByteArray();
    }

    public static Announcement decodeAnnouncement(byte[] m, ChainParams p) {
        Decoder d = new Decoder(m);
        Header h = Header.decode(d, p);
        BlockRef fin = BlockRef.decode(d);
        d.expectEnd();
        return new Announcement(h, fin);
    }

    /** CE 128 request: {@code Header Hash ++ Direction ++ Maximum Blocks}. */
    public static byte[] encode(BlockRequest r) {
        Encoder e = new Encoder(BlockRequest.SIZE);
        r.hash().encode(e);
        e.u8(r.direction().ordinal());
        e.u32(r.maxBlocks());
        return e.toByteArray();
    }

    public static BlockRequest decodeBlockRequest(byte[] m) {
        Decoder d = new Decoder(m);
        Hash h = Hash.decode(d);
        int dir = d.u8();
        if (dir > 1) {
            throw d.error("block request direction " + dir + " is neither 0 (ascending) nor 1 (descending)");
        }
        long max = d.u32();
        d.expectEnd();
        return new BlockRequest(h, BlockRequest.Direction.values()[dir], max);
    }

    /** CE 128 response: {@code [Block]}, the blocks concatenated (the count implied by the message size). */
    public static byte[] encodeBlocks(List<Block> blocks, ChainParams p) {
        Encoder e = new Encoder(1024 * Math.max(1, blocks.size()));
        for (Block b : blocks) {
            b.encode(e, p);
        }
        return e.toByteArray();
    }

    /** Decodes blocks one at a time until the message ends; at most {@code max} of them. */
    public static List<Block> decodeBlocks(byte[] m, ChainParams p, long max) {
        Decoder d = new Decoder(m);
        List<Block> out = new ArrayList<>();
        while (d.hasRemaining()) {
            if (out.size() >= max) {
                throw d.error("more blocks than the " + max + " asked for");
            }
            out.add(Block.decode(d, p));
        }
        return out;
    }

    /** CE 129 request: {@code Header Hash ++ Key ++ Key ++ Maximum Size}. */
    public static byte[] encode(StateRequest r) {
        Encoder e = new Encoder(StateRequest.SIZE);
        r.hash().encode(e);
        e.bytes(r.start());
        e.bytes(r.end());
        e.u32(r.maxSize());
        return e.toByteArray();
    }

    public static StateRequest decodeStateRequest(byte[] m) {
        Decoder d = new Decoder(m);
        Hash h = Hash.decode(d);
        byte[] start = d.bytes(StateRequest.KEY_BYTES, "start key");
        byte[] end = d.bytes(StateRequest.KEY_BYTES, "end key");
        long max = d.u32();
        d.expectEnd();
        return new StateRequest(h, start, end, max);
    }

    /** CE 129 response, first message: {@code [Boundary Node]}, 64-byte nodes concatenated. */
    public static byte[] encodeBoundaryNodes(List<byte[]> nodes) {
        Encoder e = new Encoder(64 * nodes.size());
        for (byte[] n : nodes) {
            e.bytes(n);
        }
        return e.toByteArray();
    }

    public static List<byte[]> decodeBoundaryNodes(byte[] m) {
        if (m.length % 64 != 0) {
            throw new CodecException("boundary nodes message of " + m.length + " bytes is not a multiple of 64");
        }
        List<byte[]> out = new ArrayList<>(m.length / 64);
        for (int i = 0; i < m.length; i += 64) {
            out.add(java.util.Arrays.copyOfRange(m, i, i + 64));
        }
        return out;
    }

    /** CE 129 response, second message: {@code [Key ++ Value]}, each value {@code len++[u8]}. */
    public static byte[] encodePairs(List<KeyValue> pairs) {
        Encoder e = new Encoder(64 * Math.max(1, pairs.size()));
        for (KeyValue kv : pairs) {
            e.bytes(kv.key().bytes());
            e.blob(kv.value());
        }
        return e.toByteArray();
    }

    public static List<KeyValue> decodePairs(byte[] m) {
        Decoder d = new Decoder(m);
        List<KeyValue> out = new ArrayList<>();
        while (d.hasRemaining()) {
            out.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        return out;
    }

    /** CE 131/132: {@code Epoch Index ++ Ticket}. */
    public static byte[] encode(TicketDistribution t) {
        Encoder e = new Encoder(TicketDistribution.SIZE);
        e.u32(t.epoch());
        t.ticket().encode(e, null);
        return e.toByteArray();
    }

    public static TicketDistribution decodeTicket(byte[] m) {
        Decoder d = new Decoder(m);
        long epoch = d.u32();
        TicketEnvelope t = TicketEnvelope.decode(d, null);
        d.expectEnd();
        return new TicketDistribution(epoch, t);
    }
}
