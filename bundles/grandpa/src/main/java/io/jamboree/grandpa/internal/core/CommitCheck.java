package io.jamboree.grandpa.internal.core;

import io.jamboree.core.ChainParams;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation of a received commit or justification (spec/grandpa.md §4.3; HS "Finalized"): the set id is the
 * current one; every precommit verifies (type 1, the message's round and set id) under a key of the set; at most two
 * precommits per voter (two, if different, make an equivocator, counted for every block); every precommit of a
 * non-equivocator names the commit target or a descendant (known headers, or the justification's ancestries);
 * and the voters counted reach the threshold. Whether the target descends from the node's own last finalized block
 * is the caller's check.
 */
public final class CommitCheck {
    private CommitCheck() {}

    /**
     * Checks {@code j} against the set {@code voters}.
     *
     * @throws InvalidMessageException naming the first failed rule
     */
    public static void verify(Justification j, VoterSet voters, Ancestry known, ChainParams params)
            throws InvalidMessageException {
        verify(j.commit(), j.round(), j.setId(), voters, withHeaders(known, j.ancestries(), params));
    }

    /**
     * Checks a commit of {@code round} in set {@code setId} (CE 150).
     *
     * @throws InvalidMessageException naming the first failed rule
     */
    public static void verify(Commit c, long round, long setId, VoterSet voters, Ancestry ancestry)
            throws InvalidMessageException {
        if (setId != voters.setId()) {
            throw new InvalidMessageException("commit for set " + setId + ", the current set is " + voters.setId());
        }
        if (c.precommits().size() > 2 * voters.size()) {
            throw new InvalidMessageException("commit with " + c.precommits().size() + " precommits for "
                    + voters.size() + " voters");
        }
        Map<Ed25519Public, SignedMessage> first = new HashMap<>();
        Map<Ed25519Public, SignedMessage> second = new HashMap<>();
        for (SignedMessage m : c.precommits()) {
            if (!voters.contains(m.voter())) {
                throw new InvalidMessageException("precommit by " + m.voter() + ", not a voter of set " + setId);
            }
            if (!m.verify(round, setId)) {
                throw new InvalidMessageException("bad precommit signature by " + m.voter() + " in round " + round);
            }
            SignedMessage f = first.putIfAbsent(m.voter(), m);
            if (f != null) {
                if (f.vote().equals(m.vote()) || second.containsKey(m.voter())) {
                    throw new InvalidMessageException("more than one precommit of " + m.voter()
                            + " without equivocation");
                }
                second.put(m.voter(), m);
            }
        }
        Vote t = c.target();
        int counted = 0;
        for (Map.Entry<Ed25519Public, SignedMessage> e : first.entrySet()) {
            if (second.containsKey(e.getKey())) {
                counted++;
                continue;
            }
            Vote v = e.getValue().vote();
            if (v.target().header().equals(t.target().header())) {
                if (!v.equals(t)) {
                    throw new InvalidMessageException("precommit names the target with another state root or slot");
                }
            } else if (!ancestry.descends(v.target().header(), v.slot(), t.target().header(), t.slot())) {
                throw new InvalidMessageException("precommit for " + v.target().header()
                        + " does not descend from the commit target " + t.target().header());
            }
            counted++;
        }
        if (counted < voters.threshold()) {
            throw new InvalidMessageException("commit has " + counted + " voters, the threshold is "
                    + voters.threshold());
        }
    }

    /** {@code known} extended by the parents and slots of {@code headers}. */
    public static Ancestry withHeaders(Ancestry known, List<Header> headers, ChainParams params) {
        if (headers.isEmpty()) {
            return known;
        }
        Map<Hash, Header> byHash = new HashMap<>();
        for (Header h : headers) {
            byHash.put(h.hash(params), h);
        }
        return new Ancestry() {
            @Override
            public Hash parent(Hash block) {
                Header h = byHash.get(block);
                return h != null ? h.parent() : known.parent(block);
            }

            @Override
            public long slot(Hash block) {
                Header h = byHash.get(block);
                return h != null ? h.slot() : known.slot(block);
            }
        };
    }
}
