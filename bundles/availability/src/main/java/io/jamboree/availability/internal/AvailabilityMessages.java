package io.jamboree.availability.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Blob;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of the availability protocols (JAMNP-S CE 137-143, 147, 148), encoded as the Graypaper codec does
 * (GP 0.7.2 Appendix C). Every decoder reads a whole message and fails with a {@link CodecException} naming what is
 * wrong: truncated, trailing octets, a count over its limit.
 */
public final class AvailabilityMessages {
    /** JAMNP-S: at most {@code 2·W_M} segment shards per CE 139/140 stream. */
    public static final int MAX_SEGMENT_SHARDS = 2 * 3072;
    /** JAMNP-S: at most {@code W_M} segments per CE 148 stream. */
    public static final int MAX_SEGMENTS = 3072;

    private AvailabilityMessages() {}

    /** CE 137 and CE 138 request: {@code Erasure-Root ++ Shard Index}. */
    public record ShardRequest(Hash erasureRoot, int shardIndex) {
        public byte[] encode() {
            return new Encoder(34).bytes(erasureRoot.bytes()).u16(shardIndex).toByteArray();
        }

        public static ShardRequest decode(byte[] m, ChainParams p) {
            Decoder d = new Decoder(m);
            ShardRequest r = new ShardRequest(Hash.decode(d), d.u16());
            d.expectEnd();
            if (r.shardIndex >= p.validatorsCount()) {
                throw new CodecException("shard index " + r.shardIndex + " of " + p.validatorsCount() + " shards");
            }
            return r;
        }
    }

    /** CE 139/140 request item: {@code Erasure-Root ++ Shard Index ++ len++[Segment Index]}. */
    public record SegmentShardRequest(Hash erasureRoot, int shardIndex, int[] segmentIndices) {}

    /** CE 139/140 request: the items side by side (the message's size bounds the sequence). */
    public static byte[] encodeSegmentShardRequests(List<SegmentShardRequest> rs) {
        Encoder e = new Encoder(64);
        for (SegmentShardRequest r : rs) {
            e.bytes(r.erasureRoot().bytes()).u16(r.shardIndex()).length(r.segmentIndices().length);
            for (int i : r.segmentIndices()) {
                e.u16(i);
            }
        }
        return e.toByteArray();
    }

    /** Reads a CE 139/140 request; at most {@link #MAX_SEGMENT_SHARDS} segment indices in all. */
    public static List<SegmentShardRequest> decodeSegmentShardRequests(byte[] m, ChainParams p) {
        Decoder d = new Decoder(m);
        List<SegmentShardRequest> out = new ArrayList<>();
        int total = 0;
        while (d.hasRemaining()) {
            Hash root = Hash.decode(d);
            int shard = d.u16();
            if (shard >= p.validatorsCount()) {
                throw d.error("shard index " + shard + " of " + p.validatorsCount() + " shards");
            }
            int n = d.length(2, "segment indices");
            total += n;
            if (total > MAX_SEGMENT_SHARDS) {
                throw d.error("more than " + MAX_SEGMENT_SHARDS + " segment shards requested");
            }
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = d.u16();
            }
            out.add(new SegmentShardRequest(root, shard, idx));
        }
        return out;
    }

    /** CE 148 request item: {@code Segments-Root ++ len++[Segment Index]}. */
    public record SegmentRequest(Hash segmentsRoot, int[] indices) {}

    public static byte[] encodeSegmentRequests(List<SegmentRequest> rs) {
        Encoder e = new Encoder(64);
        for (SegmentRequest r : rs) {
            e.bytes(r.segmentsRoot().bytes()).length(r.indices().length);
            for (int i : r.indices()) {
                e.u16(i);
            }
        }
        return e.toByteArray();
    }

    /** Reads a CE 148 request; at most {@link #MAX_SEGMENTS} segment indices in all. */
    public static List<SegmentRequest> decodeSegmentRequests(byte[] m) {
        Decoder d = new Decoder(m);
        List<SegmentRequest> out = new ArrayList<>();
        int total = 0;
        while (d.hasRemaining()) {
            Hash root = Hash.decode(d);
            int n = d.length(2, "segment indices");
            total += n;
            if (total > MAX_SEGMENTS) {
                throw d.error("more than " + MAX_SEGMENTS + " segments requested");
            }
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = d.u16();
            }
            out.add(new SegmentRequest(root, idx));
        }
        return out;
    }

    /** Items of {@code size} octets side by side ({@code [Segment Shard]}, {@code [Segment]}). */
    public static byte[] concat(List<byte[]> items) {
        int n = 0;
        for (byte[] b : items) {
            n += b.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] b : items) {
            System.arraycopy(b, 0, out, off, b.length);
            off += b.length;
        }
        return out;
    }

    /** Splits a message of items of {@code size} octets. */
    public static List<byte[]> split(byte[] m, int size, int max, String what) {
        if (size <= 0 || m.length % size != 0) {
            throw new CodecException(what + ": " + m.length + " octets are not a whole number of " + size
                    + "-octet items");
        }
        int n = m.length / size;
        if (n > max) {
            throw new CodecException(what + ": " + n + " items, at most " + max);
        }
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[size];
            System.arraycopy(m, i * size, b, 0, size);
            out.add(b);
        }
        return out;
    }

    /** CE 148 response part: {@code [Import-Proof]}, each {@code len++[Hash]}. */
    public static byte[] encodeImportProofs(List<List<byte[]>> proofs) {
        Encoder e = new Encoder(64);
        for (List<byte[]> p : proofs) {
            e.length(p.size());
            for (byte[] h : p) {
                e.bytes(h);
            }
        }
        return e.toByteArray();
    }

    public static List<List<byte[]>> decodeImportProofs(byte[] m, int max) {
        Decoder d = new Decoder(m);
        List<List<byte[]>> out = new ArrayList<>();
        while (d.hasRemaining()) {
            if (out.size() >= max) {
                throw d.error("more than " + max + " import proofs");
            }
            int n = d.length(32, "import proof");
            if (n > 64) {
                throw d.error("import proof of " + n + " hashes");
            }
            List<byte[]> p = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                p.add(d.bytes(32, "import proof hash"));
            }
            out.add(p);
        }
        return out;
    }

    /** CE 141: {@code Header Hash (Anchor) ++ Bitfield ++ Ed25519 Signature}. */
    public record Assurance(Hash anchor, Blob bitfield, Ed25519Signature signature) {
        public byte[] encode(ChainParams p) {
            if (bitfield.length() != p.availBitfieldBytes()) {
                throw new IllegalArgumentException("bitfield of " + bitfield.length() + " octets, not "
                        + p.availBitfieldBytes());
            }
            return new Encoder(32 + bitfield.length() + 64).bytes(anchor.bytes()).bytes(bitfield.bytes())
                    .bytes(signature.bytes()).toByteArray();
        }

        public static Assurance decode(byte[] m, ChainParams p) {
            Decoder d = new Decoder(m);
            Assurance a = new Assurance(Hash.decode(d), new Blob(d.bytes(p.availBitfieldBytes(), "bitfield")),
                    Ed25519Signature.decode(d));
            d.expectEnd();
            return a;
        }
    }

    /** CE 142: {@code Service ID ++ Hash ++ Preimage Length}, two {@code u32} around the hash. */
    public record PreimageAnnouncement(long service, Hash hash, long length) {
        public byte[] encode() {
            return new Encoder(40).u32(service).bytes(hash.bytes()).u32(length).toByteArray();
        }

        public static PreimageAnnouncement decode(byte[] m) {
            Decoder d = new Decoder(m);
            PreimageAnnouncement a = new PreimageAnnouncement(d.u32(), Hash.decode(d), d.u32());
            d.expectEnd();
            return a;
        }
    }

    /** A message that is one 32-octet hash (CE 143 request, CE 147 request). */
    public static Hash decodeHash(byte[] m, String what) {
        if (m.length != 32) {
            throw new CodecException(what + ": a 32-octet hash, got " + m.length + " octets");
        }
        return new Hash(m);
    }
}
