package io.jamboree.rpc.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Block;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JIP-3 telemetry messages this node can produce, in JAM serialization (u8..u64 fixed-length little-endian,
 * {@code len++} as a GP natural): the node information message and the events 0 (dropped), 10 (status), 11 (best block
 * changed), 12 (finalized block changed), 40 (authoring), 42 (authored) and 47 (block executed). An event's content is
 * Timestamp ++ discriminator ++ fields; the framing (u32 little-endian length first) is the client's.
 */
final class TelemetryMessages {
    /** The JAM Common Era: 1200 UTC on 1 January 2025 (GP §4.4). */
    static final Instant COMMON_ERA = Instant.parse("2025-01-01T12:00:00Z");

    static final int DROPPED = 0;
    static final int STATUS = 10;
    static final int BEST_BLOCK_CHANGED = 11;
    static final int FINALIZED_BLOCK_CHANGED = 12;
    static final int AUTHORING = 40;
    static final int AUTHORED = 42;
    static final int BLOCK_EXECUTED = 47;

    private TelemetryMessages() {}

    /** Microseconds since the JAM Common Era of a wall-clock time in milliseconds since 1970. */
    static long timestamp(long epochMillis) {
        return (epochMillis - COMMON_ERA.toEpochMilli()) * 1000;
    }

    static long now() {
        Instant i = Instant.now();
        return (i.getEpochSecond() - COMMON_ERA.getEpochSecond()) * 1_000_000 + i.getNano() / 1000;
    }

    /**
     * The node information message (protocol version 0): parameters as the fetch host call gives them, genesis header
     * hash, peer id (Ed25519 key), peer address (IPv6 ++ port), flags (bit 0: PVM recompiler), names and a note.
     */
    static byte[] nodeInfo(ChainParams p, Hash genesis, byte[] peerId, byte[] ipv6, int port, boolean recompiler,
            String version, String note) {
        Encoder e = new Encoder(512);
        e.u8(0);
        e.bytes(p.encodeConstants());
        e.bytes(genesis.bytes());
        e.bytes(peerId);
        e.bytes(ipv6);
        e.u16(port);
        e.u32(recompiler ? 1 : 0);
        string(e, "Jamboree", 32);
        string(e, version, 32);
        string(e, "0.7.2", 16);
        string(e, note, 512);
        return e.toByteArray();
    }

    /** 0: dropped — timestamp of the first dropped event, then of the last, and how many. */
    static byte[] dropped(long firstTimestamp, long lastTimestamp, long count) {
        return head(firstTimestamp, DROPPED).u64(lastTimestamp).u64(count).toByteArray();
    }

    /** 10: status — peers, validator peers, block-announcement peers, guarantees by core, shards, their bytes, preimages. */
    static byte[] status(long ts, int cores, int preimages, long preimageBytes) {
        Encoder e = head(ts, STATUS).u32(0).u32(0).u32(0);
        for (int c = 0; c < cores; c++) {
            e.u8(0);
        }
        return e.u32(0).u64(0).u32(preimages).u32(preimageBytes).toByteArray();
    }

    /** 11 and 12: best or finalized block changed — slot and header hash. */
    static byte[] blockChanged(long ts, boolean finalized, long slot, Hash hash) {
        return head(ts, finalized ? FINALIZED_BLOCK_CHANGED : BEST_BLOCK_CHANGED).u32(slot).bytes(hash.bytes()).toByteArray();
    }

    /** 40: authoring — the slot and the parent's header hash. */
    static byte[] authoring(long ts, long slot, Hash parent) {
        return head(ts, AUTHORING).u32(slot).bytes(parent.bytes()).toByteArray();
    }

    /** 42: authored — the authoring event's id and the block outline. */
    static byte[] authored(long ts, long authoringId, Block b, ChainParams p) {
        return outline(head(ts, AUTHORED).u64(authoringId), b, p).toByteArray();
    }

    /** 47: block executed — the authoring event's id; the accumulation costs are not measured yet (empty list). */
    static byte[] executed(long ts, long authoringId) {
        return head(ts, BLOCK_EXECUTED).u64(authoringId).length(0).toByteArray();
    }

    /** The Block Outline: size, header hash, tickets, preimages (count, bytes), guarantees, assurances, verdicts. */
    static Encoder outline(Encoder e, Block b, ChainParams p) {
        Encoder whole = new Encoder(4096);
        b.encode(whole, p);
        Extrinsic x = b.extrinsic();
        long preimageBytes = 0;
        for (Preimage pi : x.preimages().preimages()) {
            preimageBytes += pi.blob().bytes().length;
        }
        return e.u32(whole.size()).bytes(b.header().hash(p).bytes()).u32(x.tickets().tickets().size())
                .u32(x.preimages().preimages().size()).u32(preimageBytes).u32(x.guarantees().guarantees().size())
                .u32(x.assurances().assurances().size()).u32(x.disputes().verdicts().size());
    }

    private static Encoder head(long ts, int discriminator) {
        return new Encoder(96).u64(ts).u8(discriminator);
    }

    /** String&lt;N&gt;: len++ UTF-8 bytes, cut to at most N bytes on a character boundary. */
    static void string(Encoder e, String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, max);
        while (n < b.length && n > 0 && (b[n] & 0xC0) == 0x80) {
            n--;
        }
        e.length(n);
        e.bytes(b, 0, n);
    }
}
