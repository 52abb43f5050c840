package io.jamboree.grandpa.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.grandpa.internal.core.BlockRef;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.store.NodeStore;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the GRANDPA voter keeps in the node store ({@link Table#META}, keys starting {@code "grandpa."}):
 * <ul>
 *   <li>{@code grandpa.state}: the latest finalized block, the set id, the set's base block and voters, the round;</li>
 *   <li>{@code grandpa.vote} ++ set ++ round ++ type ++ voter key: each vote this node cast, written <em>before</em>
 *       it is sent (spec/grandpa.md §4.6), so that after a restart it never signs a different vote for the same
 *       set, round and stage;</li>
 *   <li>{@code grandpa.just} ++ header hash: the justification of each block a commit finalized;</li>
 *   <li>{@code grandpa.change} ++ set id: the set-change block that set finalized (warp sync, CE 153).</li>
 * </ul>
 */
final class GrandpaStore {
    private static final byte[] STATE = bytes("grandpa.state");
    private static final byte[] VOTE = bytes("grandpa.vote");
    private static final byte[] JUST = bytes("grandpa.just");
    private static final byte[] CHANGE = bytes("grandpa.change");

    /** The voter's durable state. */
    record State(BlockRef finalized, long setId, BlockRef setBase, List<Ed25519Public> voters, long round) {
        State {
            voters = List.copyOf(voters);
        }
    }

    private final NodeStore store;

    GrandpaStore(NodeStore store) {
        this.store = store;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] key(byte[] prefix, byte[] rest) {
        byte[] k = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, k, 0, prefix.length);
        System.arraycopy(rest, 0, k, prefix.length, rest.length);
        return k;
    }

    Optional<State> load() {
        byte[] v;
        try (var r = store.read()) {
            v = r.get(Table.META, STATE);
        }
        if (v == null) {
            return Optional.empty();
        }
        Decoder d = new Decoder(v);
        BlockRef fin = new BlockRef(Hash.decode(d), d.u32());
        long set = d.u32();
        BlockRef base = new BlockRef(Hash.decode(d), d.u32());
        long round = d.u64();
        List<Ed25519Public> keys = d.varSeq(Ed25519Public.SIZE, "voters", Ed25519Public::decode);
        d.expectEnd();
        return Optional.of(new State(fin, set, base, keys, round));
    }

    void save(State s) {
        Encoder e = new Encoder();
        s.finalized().hash().encode(e);
        e.u32(s.finalized().slot());
        e.u32(s.setId());
        s.setBase().hash().encode(e);
        e.u32(s.setBase().slot());
        e.u64(s.round());
        e.length(s.voters().size());
        for (Ed25519Public k : s.voters()) {
            k.encode(e);
        }
        put(STATE, e.toByteArray());
    }

    private static byte[] voteKey(long set, long round, MessageType type, Ed25519Public voter) {
        Encoder e = new Encoder(45);
        e.u32(set);
        e.u64(round);
        e.u8(type.code());
        voter.encode(e);
        return key(VOTE, e.toByteArray());
    }

    /** The vote {@code voter} cast in (set, round, stage), if any. */
    Optional<Vote> vote(long set, long round, MessageType type, Ed25519Public voter) {
        byte[] v;
        try (var r = store.read()) {
            v = r.get(Table.META, voteKey(set, round, type, voter));
        }
        return Optional.ofNullable(v).map(GrandpaStore::decodeVote);
    }

    /**
     * Records that {@code voter} votes {@code wanted} in (set, round, stage), durably, unless it already voted there:
     * then the recorded vote is returned and must be the one signed (the node never equivocates, also after a
     * restart).
     */
    Vote recordVote(long set, long round, MessageType type, Ed25519Public voter, Vote wanted) {
        byte[] k = voteKey(set, round, type, voter);
        try (WriteTxn w = store.write()) {
            byte[] old = w.get(Table.META, k);
            if (old != null) {
                w.abort();
                return decodeVote(old);
            }
            Encoder e = new Encoder(Vote.SIZE);
            wanted.target().header().encode(e);
            wanted.target().stateRoot().encode(e);
            e.u32(wanted.slot());
            w.put(Table.META, k, e.toByteArray());
            w.commit();
            return wanted;
        }
    }

    private static Vote decodeVote(byte[] b) {
        Decoder d = new Decoder(b);
        Vote v = new Vote(new Target(Hash.decode(d), Hash.decode(d)), d.u32());
        d.expectEnd();
        return v;
    }

    void saveJustification(Hash block, byte[] encoded) {
        put(key(JUST, block.bytes()), encoded);
    }

    Optional<byte[]> justification(Hash block) {
        try (var r = store.read()) {
            return Optional.ofNullable(r.get(Table.META, key(JUST, block.bytes())));
        }
    }

    void saveSetChange(long setId, Hash block) {
        put(key(CHANGE, new Encoder(4).u32(setId).toByteArray()), block.bytes());
    }

    /** The set-change block set {@code setId} finalized, if known. */
    Optional<Hash> setChange(long setId) {
        try (var r = store.read()) {
            return Optional.ofNullable(r.get(Table.META, key(CHANGE, new Encoder(4).u32(setId).toByteArray())))
                    .map(Hash::new);
        }
    }

    private void put(byte[] k, byte[] v) {
        try (WriteTxn w = store.write()) {
            w.put(Table.META, k, v);
            w.commit();
        }
    }
}
