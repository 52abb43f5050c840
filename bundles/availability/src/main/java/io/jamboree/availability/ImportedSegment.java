package io.jamboree.availability;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An imported segment and its justification (GP 0.7.2 §14.4, the terms S and J of eq. 14.16): the {@code W_G}
 * octets of the segment and {@code J_0(b, n)}, the constant-depth Merkle path (GP Appendix E.1.2) from the segment
 * root of its exporting package down to it, top first. Arrays are shared: treat them as read-only.
 *
 * @param segment the segment, {@code W_G} octets
 * @param proof   the 32-octet sibling hashes of its path, top first
 */
public record ImportedSegment(byte[] segment, List<byte[]> proof) {
    public ImportedSegment {
        Objects.requireNonNull(segment, "segment");
        proof = List.copyOf(proof);
    }

    private static final byte[] NODE = "node".getBytes(StandardCharsets.US_ASCII);

    /**
     * The constant-depth root {@code M} (GP eq. E.4) that this segment at {@code index} and its path give, or
     * {@code null} if {@code index} does not fit a tree of the path's depth: a package's segment root when the
     * justification is right.
     */
    public byte[] root(int index) {
        int depth = proof.size();
        if (index < 0 || (depth < 31 && index >= (1 << depth))) {
            return null;
        }
        byte[] cur = ConstantDepthMerkle.leafHash(segment, HashFunction.BLAKE2B_256);
        for (int level = 0; level < depth; level++) {
            byte[] sib = proof.get(depth - 1 - level);
            boolean right = ((index >>> level) & 1) != 0;
            cur = new Blake2b256().update(NODE).update(right ? sib : cur).update(right ? cur : sib).digest();
        }
        return cur;
    }
}
