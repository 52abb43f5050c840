package io.jamboree.sync.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.codec.Decoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CE 129 boundary nodes on the published genesis state of a trace (jam-test-vectors-0.7.2/traces/fallback): the first
 * node hashes to the published state root, and every later node hashes to a child identity of an earlier branch
 * (GP eq. D.3: the left identity with its first bit cleared); a path to a present key ends with that key's leaf.
 */
class BoundaryNodesTest {

    private record State(Hash root, byte[][] keys, byte[][] values) {}

    private static State genesisState() throws IOException {
        byte[] f = Files.readAllBytes(VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback").resolve("00000001.bin"));
        Decoder d = new Decoder(f);
        // TraceStep: pre-state {state-root, keyvals} first
        Hash root = Hash.decode(d);
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        byte[][] k = new byte[n][];
        byte[][] v = new byte[n][];
        for (int i = 0; i < n; i++) {
            k[i] = d.bytes(StateKey.LENGTH, "key");
            v[i] = d.blob("value");
        }
        return new State(root, k, v);
    }

    private static void checkConnected(List<byte[]> nodes, Hash root) {
        assertArrayEquals(root.bytes(), Blake2b256.hash(nodes.get(0)), "the first node is the root");
        for (int i = 1; i < nodes.size(); i++) {
            byte[] h = Blake2b256.hash(nodes.get(i));
            boolean found = false;
            for (int j = 0; j < i && !found; j++) {
                byte[] p = nodes.get(j);
                if ((p[0] & 0x80) != 0) {
                    continue; // a leaf has no children
                }
                byte[] left = Arrays.copyOfRange(p, 0, 32);
                byte[] right = Arrays.copyOfRange(p, 32, 64);
                byte[] hl = h.clone();
                hl[0] &= 0x7f;
                found = Arrays.equals(left, hl) || Arrays.equals(right, h);
            }
            assertTrue(found, "node " + i + " is a child of an earlier node");
        }
    }

    @Test
    void pathsToPresentKeysEndAtTheirLeavesUnderThePublishedRoot() throws IOException {
        State s = genesisState();
        BoundaryNodes b = new BoundaryNodes(s.keys(), s.values());
        byte[] first = s.keys()[0];
        byte[] last = s.keys()[s.keys().length - 1];
        List<byte[]> nodes = b.paths(List.of(first, last));
        checkConnected(nodes, s.root());
        // the path to 'first' ends at its leaf: L(k, v) holds the key in bytes 1..31
        List<byte[]> toFirst = b.paths(List.of(first));
        byte[] leaf = toFirst.get(toFirst.size() - 1);
        assertTrue((leaf[0] & 0x80) != 0, "ends at a leaf");
        assertArrayEquals(first, Arrays.copyOfRange(leaf, 1, 32));
        // shared nodes are not repeated: both paths share at least the root
        List<byte[]> toLast = b.paths(List.of(last));
        assertEquals(toFirst.size() + toLast.size() - nodes.size() >= 1, true);
        List<String> seen = new ArrayList<>();
        for (byte[] n : nodes) {
            String hex = io.jamboree.core.Hex.encode(n);
            assertTrue(!seen.contains(hex), "no duplicate node");
            seen.add(hex);
        }
    }

    @Test
    void pathToAnAbsentKeyEndsAtAnEmptyBranchOrAnotherLeaf() throws IOException {
        State s = genesisState();
        BoundaryNodes b = new BoundaryNodes(s.keys(), s.values());
        byte[] absent = s.keys()[3].clone();
        absent[30] ^= 0x01; // differs in the very last bit from a present key
        List<byte[]> nodes = b.paths(List.of(absent));
        checkConnected(nodes, s.root());
        byte[] end = nodes.get(nodes.size() - 1);
        if ((end[0] & 0x80) != 0) {
            assertTrue(!Arrays.equals(absent, Arrays.copyOfRange(end, 1, 32)), "a leaf of another key");
        } else {
            assertTrue(Arrays.equals(new byte[32], Arrays.copyOfRange(end, 32, 64))
                    || Arrays.equals(new byte[32], Arrays.copyOfRange(end, 0, 32)), "a branch with an empty side");
        }
    }
}
