package io.jamboree.grandpa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.types.Hash;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GP §17: the voter's head stops below the lowest block whose audit is open. */
class AuditedPrefixTest {
    private static Hash hash(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[31] = 1;
        return new Hash(b);
    }

    /** A chain 0 (finalized) ← 1 ← 2 ← 3 ← 4 (head). */
    private final Map<Hash, Hash> parents = new HashMap<>();

    AuditedPrefixTest() {
        for (int i = 1; i <= 4; i++) {
            parents.put(hash(i), hash(i - 1));
        }
    }

    private Hash cap(Set<Integer> awaiting) {
        return AuditedPrefix.cap(hash(4), hash(0), parents::get, h -> awaiting.contains(h.bytes()[0] & 0xFF));
    }

    @Test
    void capsBelowTheLowestOpenAudit() {
        assertEquals(hash(4), cap(Set.of()));
        assertEquals(hash(3), cap(Set.of(4)));
        assertEquals(hash(1), cap(Set.of(2)));
        assertEquals(hash(1), cap(Set.of(2, 4)));
        assertEquals(hash(0), cap(Set.of(1, 3)));
    }

    @Test
    void theFinalizedBlockAndUnknownAncestorsEndTheWalk() {
        // the finalized block's own state does not matter, nor what lies below it
        assertEquals(hash(4), cap(Set.of(0)));
        parents.remove(hash(2)); // 2's parent unknown (the importer's tree starts there): the walk ends at 2
        assertEquals(hash(4), AuditedPrefix.cap(hash(4), hash(0), parents::get, h -> h.equals(hash(1))));
        assertEquals(hash(2), AuditedPrefix.cap(hash(4), hash(0), parents::get, h -> h.equals(hash(3))));
    }
}
