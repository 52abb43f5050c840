package io.jamboree.grandpa.internal.core;

import java.util.List;
import java.util.Objects;

/**
 * A GRANDPA commit (spec/grandpa.md §5.1 {@code Commit = Target ++ Slot ++ len++[Signed Precommit]}): the block a
 * round finalized and the precommits that justify it (at most two per voter; two make the voter an equivocator).
 * A commit carries no set id: its precommits verify only under the right one.
 *
 * @param target     the finalized block
 * @param precommits the signed precommits, each of type {@link MessageType#PRECOMMIT}
 */
public record Commit(Vote target, List<SignedMessage> precommits) {
    public Commit {
        Objects.requireNonNull(target, "target");
        precommits = List.copyOf(precommits);
        for (SignedMessage m : precommits) {
            if (m.type() != MessageType.PRECOMMIT) {
                throw new IllegalArgumentException("a commit holds precommits, got a " + m.type());
            }
        }
    }
}
