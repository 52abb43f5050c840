package io.jamboree.availability.internal;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Import proofs (JAMNP-S CE 148, GP 0.7.2 §14.3 and Appendix E.1.2): the constant-depth Merkle path {@code J_0} from
 * the segment root down to one exported segment; checking one gives the root back from the segment.
 */
public final class ImportProofs {
    private static final byte[] NODE = "node".getBytes(StandardCharsets.US_ASCII);

    private ImportProofs() {}

    /**
     * The constant-depth root {@code M} that {@code segment} at {@code index} and its path (top first) give, or
     * {@code null} if {@code index} does not fit a tree of that depth.
     */
    public static byte[] root(byte[] segment, int index, List<byte[]> path) {
        int depth = path.size();
        if (index < 0 || (depth < 31 && index >= (1 << depth))) {
            return null;
        }
        byte[] cur = ConstantDepthMerkle.leafHash(segment, HashFunction.BLAKE2B_256);
        for (int level = 0; level < depth; level++) {
            byte[] sib = path.get(depth - 1 - level);
            boolean right = ((index >>> level) & 1) != 0;
            cur = new Blake2b256().update(NODE).update(right ? sib : cur).update(right ? cur : sib).digest();
        }
        return cur;
    }
}
