package io.jamboree.availability.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.store.Cursor;
import io.jamboree.store.Entry;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The availability store (GP 0.7.2 §14.3, §14.4): bundle shards with their justifications (the short-term audit
 * DA), segment shards (the long-term D³L), whole bundles and exported segments a guarantor published, and per
 * erasure root the facts retention needs. It lives in the node's {@link NodeStore}, table {@link Table#META}, under
 * keys starting {@code "av"} and a kind octet, so any swappable store keeps it and a store switch copies it.
 * Thread-safe (the store serialises writers).
 */
public final class AvailabilityStore {
    private static final byte A = 'a';
    private static final byte V = 'v';
    private static final byte BUNDLE_SHARD = 'b';
    private static final byte SEGMENT_SHARDS = 's';
    private static final byte BUNDLE = 'B';
    private static final byte EXPORTS = 'E';
    private static final byte RECORD = 'r';
    private static final byte PREIMAGE = 'p';

    private final NodeStore store;
    private final int segmentShardSize;

    /** A store over {@code store}, for segment shards of {@code segmentShardSize} octets ({@code 2·W_P}). */
    public AvailabilityStore(NodeStore store, int segmentShardSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.segmentShardSize = segmentShardSize;
    }

    /** A bundle shard and its CE 137 justification (co-path from the erasure root to the leaf). */
    public record BundleShard(byte[] shard, Justification justification) {}

    /** The retention facts of one erasure root (see {@link Retention}). */
    public record Record(Hash erasureRoot, Hash segmentRoot, long firstSlot, Retention.Phase phase, long timeout,
            long leftSlot) {
        byte[] encode() {
            return new Encoder(90).bytes(segmentRoot.bytes()).u32(firstSlot).u8(phase.ordinal()).u32(timeout)
                    .u32(leftSlot).toByteArray();
        }

        static Record decode(Hash root, byte[] v) {
            Decoder d = new Decoder(v);
            return new Record(root, Hash.decode(d), d.u32(), Retention.Phase.values()[d.u8()], d.u32(), d.u32());
        }
    }

    private static byte[] key(byte kind, byte[] root, int index) {
        byte[] k = new byte[index < 0 ? 35 : 37];
        k[0] = A;
        k[1] = V;
        k[2] = kind;
        System.arraycopy(root, 0, k, 3, 32);
        if (index >= 0) {
            k[35] = (byte) (index >>> 8);
            k[36] = (byte) index;
        }
        return k;
    }

    public void putBundleShard(Hash root, int index, byte[] shard, Justification j) {
        byte[] js = j.encode();
        byte[] v = new Encoder(shard.length + js.length + 8).blob(shard).bytes(js).toByteArray();
        put(key(BUNDLE_SHARD, root.bytes(), index), v);
    }

    public Optional<BundleShard> bundleShard(Hash root, int index) {
        return get(key(BUNDLE_SHARD, root.bytes(), index)).map(v -> {
            Decoder d = new Decoder(v);
            byte[] shard = d.blob("bundle shard");
            byte[] rest = d.bytes(d.remaining(), "justification");
            return new BundleShard(shard, Justification.decode(rest, segmentShardSize));
        });
    }

    public void putSegmentShards(Hash root, int index, List<byte[]> shards) {
        Encoder e = new Encoder(8 + shards.size() * segmentShardSize).length(shards.size());
        for (byte[] s : shards) {
            if (s.length != segmentShardSize) {
                throw new IllegalArgumentException("segment shard of " + s.length + " octets, not "
                        + segmentShardSize);
            }
            e.bytes(s);
        }
        put(key(SEGMENT_SHARDS, root.bytes(), index), e.toByteArray());
    }

    public Optional<List<byte[]>> segmentShards(Hash root, int index) {
        return get(key(SEGMENT_SHARDS, root.bytes(), index)).map(v -> {
            Decoder d = new Decoder(v);
            int n = d.length(segmentShardSize, "segment shards");
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(d.bytes(segmentShardSize, "segment shard"));
            }
            return out;
        });
    }

    public void putBundle(Hash root, byte[] bundle) {
        put(key(BUNDLE, root.bytes(), -1), bundle);
    }

    public Optional<byte[]> bundle(Hash root) {
        return get(key(BUNDLE, root.bytes(), -1));
    }

    /** A guarantor's exported segments (each {@code W_G} octets) under their segment root, for CE 148. */
    public void putExports(Hash segmentRoot, List<byte[]> segments) {
        put(key(EXPORTS, segmentRoot.bytes(), -1), AvailabilityMessages.concat(segments));
    }

    public Optional<byte[]> exports(Hash segmentRoot) {
        return get(key(EXPORTS, segmentRoot.bytes(), -1));
    }

    /** A preimage this node holds and the service it is for. */
    public record StoredPreimage(long service, byte[] preimage) {}

    public void putPreimage(Hash hash, long service, byte[] preimage) {
        put(key(PREIMAGE, hash.bytes(), -1), new Encoder(preimage.length + 4).u32(service).bytes(preimage)
                .toByteArray());
    }

    public Optional<StoredPreimage> preimage(Hash hash) {
        return get(key(PREIMAGE, hash.bytes(), -1)).map(v -> {
            Decoder d = new Decoder(v);
            long service = d.u32();
            return new StoredPreimage(service, d.bytes(d.remaining(), "preimage"));
        });
    }

    public void putRecord(Record r) {
        put(key(RECORD, r.erasureRoot().bytes(), -1), r.encode());
    }

    public Optional<Record> record(Hash root) {
        return get(key(RECORD, root.bytes(), -1)).map(v -> Record.decode(root, v));
    }

    /** Every retention record. */
    public List<Record> records() {
        List<Record> out = new ArrayList<>();
        byte[] prefix = {A, V, RECORD};
        try (ReadTxn r = store.read(); Cursor c = r.scan(Table.META, prefix)) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                byte[] k = e.key();
                byte[] root = new byte[32];
                System.arraycopy(k, 3, root, 0, 32);
                out.add(Record.decode(new Hash(root), e.value()));
            }
        }
        return out;
    }

    /** Drops the bundle and every bundle shard of {@code root} (the audit DA part); returns the entries removed. */
    public int dropBundle(Hash root) {
        return drop(List.of(key(BUNDLE_SHARD, root.bytes(), -1), key(BUNDLE, root.bytes(), -1)));
    }

    /** Drops everything kept for {@code root}, its exports under {@code segmentRoot} and its record. */
    public int dropAll(Hash root, Hash segmentRoot) {
        return drop(List.of(key(BUNDLE_SHARD, root.bytes(), -1), key(BUNDLE, root.bytes(), -1),
                key(SEGMENT_SHARDS, root.bytes(), -1), key(EXPORTS, segmentRoot.bytes(), -1),
                key(RECORD, root.bytes(), -1)));
    }

    /** The number of entries of this store (all kinds). */
    public long size() {
        long n = 0;
        try (ReadTxn r = store.read(); Cursor c = r.scan(Table.META, new byte[] {A, V})) {
            for (Entry e = c.next(); e != null; e = c.next()) {
                n++;
            }
        }
        return n;
    }

    private int drop(List<byte[]> prefixes) {
        int n = 0;
        try (WriteTxn w = store.write()) {
            for (byte[] prefix : prefixes) {
                List<byte[]> keys = new ArrayList<>();
                try (Cursor c = w.scan(Table.META, prefix)) {
                    for (Entry e = c.next(); e != null; e = c.next()) {
                        keys.add(e.key());
                    }
                }
                for (byte[] k : keys) {
                    if (w.delete(Table.META, k)) {
                        n++;
                    }
                }
            }
            w.commit();
        }
        return n;
    }

    private void put(byte[] key, byte[] value) {
        try (WriteTxn w = store.write()) {
            w.put(Table.META, key, value);
            w.commit();
        }
    }

    private Optional<byte[]> get(byte[] key) {
        try (ReadTxn r = store.read()) {
            return Optional.ofNullable(r.get(Table.META, key));
        }
    }
}
