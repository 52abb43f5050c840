package io.jamboree.grandpa.internal.core;

import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A hand-built block tree and the six JIP-5 dev validators as voters, for the vote-graph tests. */
final class TestChain implements Ancestry {
    private final Map<Hash, Hash> parents = new HashMap<>();
    private final Map<Hash, Long> slots = new HashMap<>();
    final List<ValidatorSecrets> secrets = new ArrayList<>();
    final VoterSet voters;

    TestChain(int validators) {
        List<Ed25519Public> keys = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            ValidatorSecrets s = DevKeys.secrets(i);
            secrets.add(s);
            keys.add(s.ed25519());
        }
        voters = new VoterSet(0, keys);
    }

    /** A block named {@code name} (its hash is the name's octets, zero-padded) at {@code slot} on {@code parent}. */
    BlockRef block(String name, long slot, BlockRef parent) {
        byte[] b = new byte[32];
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, b, 0, n.length);
        Hash h = new Hash(b);
        slots.put(h, slot);
        if (parent != null) {
            parents.put(h, parent.hash());
        }
        return new BlockRef(h, slot);
    }

    @Override
    public Hash parent(Hash block) {
        return parents.get(block);
    }

    @Override
    public long slot(Hash block) {
        return slots.getOrDefault(block, -1L);
    }

    static Hash root(BlockRef b) {
        byte[] r = b.hash().bytes();
        r[31] = (byte) 0xAA;
        return new Hash(r);
    }

    Vote vote(BlockRef b) {
        return new Vote(new Target(b.hash(), root(b)), b.slot());
    }

    SignedMessage sign(int voter, MessageType type, BlockRef b, long round, long setId) {
        ValidatorSecrets s = secrets.get(voter);
        return SigningPayload.sign(type, vote(b), round, setId, s.ed25519SecretSeed(), s.ed25519());
    }

    SignedMessage prevote(int voter, BlockRef b) {
        return sign(voter, MessageType.PREVOTE, b, 1, 0);
    }

    SignedMessage precommit(int voter, BlockRef b) {
        return sign(voter, MessageType.PRECOMMIT, b, 1, 0);
    }
}
