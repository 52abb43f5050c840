package io.jamboree.grandpa.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.keystore.DevKeys;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The voter's durable record (spec/grandpa.md §4.6): a vote is recorded before it is sent, and a voter restarted
 * over the same store in the middle of a round gets its recorded vote back instead of a conflicting one.
 */
class GrandpaStoreTest {
    static Hash filled(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return new Hash(x);
    }

    final Ed25519Public me = DevKeys.secrets(0).ed25519();
    final Vote a = new Vote(new Target(filled(1), filled(2)), 10);
    final Vote b = new Vote(new Target(filled(3), filled(4)), 11);

    @Test
    void restartMidRoundKeepsTheRecordedVote() {
        MemoryNodeStore node = new MemoryNodeStore();
        GrandpaStore before = new GrandpaStore(node);
        assertEquals(a, before.recordVote(2, 7, MessageType.PREVOTE, me, a));
        // "restart": a new voter over the same store wants another target for the same set, round and stage
        GrandpaStore after = new GrandpaStore(node);
        assertEquals(a, after.vote(2, 7, MessageType.PREVOTE, me).orElseThrow());
        assertEquals(a, after.recordVote(2, 7, MessageType.PREVOTE, me, b), "never a second, different prevote");
        // other stages, rounds, sets and voters are free
        assertEquals(b, after.recordVote(2, 7, MessageType.PRECOMMIT, me, b));
        assertEquals(b, after.recordVote(2, 8, MessageType.PREVOTE, me, b));
        assertEquals(b, after.recordVote(3, 7, MessageType.PREVOTE, me, b));
        assertEquals(b, after.recordVote(2, 7, MessageType.PREVOTE, DevKeys.secrets(1).ed25519(), b));
        assertTrue(after.vote(2, 9, MessageType.PREVOTE, me).isEmpty());
    }

    @Test
    void stateJustificationsAndSetChangesSurvive() {
        MemoryNodeStore node = new MemoryNodeStore();
        GrandpaStore s = new GrandpaStore(node);
        assertTrue(s.load().isEmpty());
        GrandpaStore.State st = new GrandpaStore.State(new BlockRef(filled(5), 40), 3, new BlockRef(filled(6), 36),
                List.of(me, DevKeys.secrets(1).ed25519()), 12);
        s.save(st);
        s.saveJustification(filled(5), new byte[] {1, 2, 3});
        s.saveSetChange(2, filled(6));
        GrandpaStore again = new GrandpaStore(node);
        assertEquals(st, again.load().orElseThrow());
        assertArrayEquals(new byte[] {1, 2, 3}, again.justification(filled(5)).orElseThrow());
        assertEquals(filled(6), again.setChange(2).orElseThrow());
        assertTrue(again.setChange(3).isEmpty());
    }
}
