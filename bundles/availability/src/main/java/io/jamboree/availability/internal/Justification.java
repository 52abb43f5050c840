package io.jamboree.availability.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.BinaryMerkle;
import io.jamboree.merkle.HashFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JAMNP-S justification (CE 137, 138, 140): the co-path {@code T(v, i, H)} (GP 0.7.2 Appendix E.1, eq. E.2) from a
 * well-balanced Merkle root {@code M_B} (eq. E.3) down to one item, top first. Each step is the sibling subtree's
 * node {@code N}: a 32-octet hash ({@code 0 ++ Hash}), or, where the sibling is a single item, that item itself: an
 * erasure-root leaf {@code b♣ ⌢ s♣} ({@code 1 ++ Hash ++ Hash}) or a segment shard ({@code 2 ++ Segment Shard}).
 *
 * @param steps the sibling nodes, top first; arrays are shared, treat them as read-only
 */
public record Justification(List<Step> steps) {
    private static final byte[] NODE = "node".getBytes(StandardCharsets.US_ASCII);

    /** One sibling node: its discriminator (0 hash, 1 leaf of two hashes, 2 segment shard) and its octets. */
    public record Step(int kind, byte[] value) {
        public Step {
            Objects.requireNonNull(value, "value");
            int expected = kind == 0 ? 32 : kind == 1 ? 64 : -1;
            if (kind < 0 || kind > 2 || (expected >= 0 && value.length != expected)) {
                throw new IllegalArgumentException("justification step of kind " + kind + " with " + value.length
                        + " octets");
            }
        }
    }

    public Justification {
        steps = List.copyOf(steps);
    }

    /**
     * The justification of item {@code index} of {@code items} under {@code M_B(items)}: {@code T(items, index, H)}
     * with single-item siblings of {@code leafKind} (1 for erasure-root leaves, 2 for segment shards).
     */
    public static Justification trace(byte[][] items, int index, int leafKind) {
        List<byte[]> t = BinaryMerkle.trace(items, index, HashFunction.BLAKE2B_256);
        // T gives N of each sibling subtree; a subtree of one item gives the item itself
        List<Step> out = new ArrayList<>(t.size());
        int from = 0;
        int to = items.length;
        int i = index;
        for (byte[] sib : t) {
            int mid = from + (to - from + 1) / 2;
            int sibSize = i < mid ? to - mid : mid - from;
            out.add(new Step(sibSize == 1 ? leafKind : 0, sib));
            if (i < mid) {
                to = mid;
            } else {
                from = mid;
            }
        }
        return new Justification(out);
    }

    /** This justification followed by {@code more} (CE 138 appends {@code s♣}, CE 140 {@code b♣} and a trace). */
    public Justification append(List<Step> more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more);
        return new Justification(all);
    }

    /** The first {@code n} steps. */
    public Justification prefix(int n) {
        return new Justification(steps.subList(0, n));
    }

    /**
     * The root {@code M_B} of a tree of {@code count} items that has {@code item} at {@code index} and the siblings of
     * the first {@link #depth(int, int)} steps of this justification; {@code null} if the step count does not fit.
     */
    public byte[] root(byte[] item, int index, int count) {
        if (index < 0 || index >= count) {
            return null;
        }
        int depth = depth(index, count);
        if (steps.size() != depth) {
            return null;
        }
        if (count == 1) {
            return Blake2b256.hash(item);
        }
        boolean[] left = new boolean[depth];
        int from = 0;
        int to = count;
        for (int d = 0; d < depth; d++) {
            int mid = from + (to - from + 1) / 2;
            left[d] = index < mid;
            if (left[d]) {
                to = mid;
            } else {
                from = mid;
            }
        }
        byte[] cur = item;
        for (int d = depth - 1; d >= 0; d--) {
            byte[] sib = steps.get(d).value();
            cur = left[d] ? node(cur, sib) : node(sib, cur);
        }
        return cur;
    }

    /** The number of steps on the path to item {@code index} of {@code count}. */
    public static int depth(int index, int count) {
        int from = 0;
        int to = count;
        int d = 0;
        while (to - from > 1) {
            int mid = from + (to - from + 1) / 2;
            if (index < mid) {
                to = mid;
            } else {
                from = mid;
            }
            d++;
        }
        return d;
    }

    private static byte[] node(byte[] l, byte[] r) {
        Blake2b256 h = new Blake2b256();
        return h.update(NODE).update(l).update(r).digest();
    }

    /** The wire form: each step as its discriminator octet and its octets. */
    public byte[] encode() {
        Encoder e = new Encoder(steps.size() * 33);
        for (Step s : steps) {
            e.u8(s.kind());
            e.bytes(s.value());
        }
        return e.toByteArray();
    }

    /**
     * Reads a justification of a whole message; segment shards ({@code 2 ++ ...}) are {@code segmentShardSize}
     * octets.
     *
     * @throws CodecException for an unknown discriminator or a truncated step
     */
    public static Justification decode(byte[] message, int segmentShardSize) {
        Decoder d = new Decoder(message);
        List<Step> out = new ArrayList<>();
        while (d.hasRemaining()) {
            if (out.size() > 64) {
                throw d.error("justification of more than 64 steps");
            }
            int kind = d.u8();
            int len = switch (kind) {
                case 0 -> 32;
                case 1 -> 64;
                case 2 -> segmentShardSize;
                default -> throw d.error("unknown justification discriminator " + kind);
            };
            out.add(new Step(kind, d.bytes(len, "justification step")));
        }
        return new Justification(out);
    }
}
