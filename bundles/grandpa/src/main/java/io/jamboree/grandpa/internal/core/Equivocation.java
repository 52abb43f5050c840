package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Ed25519Public;
import java.util.Objects;

/**
 * Proof that a voter equivocated (spec/grandpa.md §7): two validly signed votes of one key for the same set, round
 * and stage with different votes (a different state root or slot counts too). GP 0.7.2 has no on-chain report for
 * it; the node logs it, keeps counting the voter safely (as supporting every block) and passes the evidence on in
 * catch-ups and justifications.
 *
 * @param setId  the set id
 * @param round  the round
 * @param voter  the equivocating key
 * @param first  the first vote received
 * @param second the conflicting vote
 */
public record Equivocation(long setId, long round, Ed25519Public voter, SignedMessage first, SignedMessage second) {
    public Equivocation {
        Objects.requireNonNull(voter);
        Objects.requireNonNull(first);
        Objects.requireNonNull(second);
    }

    /** The stage, prevote or precommit. */
    public MessageType stage() {
        return first.type();
    }
}
