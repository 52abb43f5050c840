package io.jamboree.sync.internal.protocol;

import io.jamboree.stf.state.KeyValue;
import java.util.List;

/**
 * A JAMNP-S CE 129 state response, two messages: {@code [Boundary Node]} (64-byte trie nodes, GP Appendix D
 * eq. D.3, B or L, on the paths from the root to the start key and to the last pair; parents before children) and
 * {@code [Key ++ Value]} (31-byte keys ascending, each value {@code len++[u8]}).
 *
 * @param boundaryNodes the 64-byte boundary nodes
 * @param pairs the key/value pairs, ascending by key
 */
public record StateResponse(List<byte[]> boundaryNodes, List<KeyValue> pairs) {
    public StateResponse {
        boundaryNodes = List.copyOf(boundaryNodes);
        pairs = List.copyOf(pairs);
        for (byte[] n : boundaryNodes) {
            if (n.length != 64) {
                throw new IllegalArgumentException("a trie node is 64 bytes, got " + n.length);
            }
        }
    }
}
