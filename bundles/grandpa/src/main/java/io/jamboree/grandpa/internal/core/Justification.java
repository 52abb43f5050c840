package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Header;
import java.util.List;
import java.util.Objects;

/**
 * A GRANDPA justification (spec/grandpa.md §5.1 {@code Grandpa Justification = Round ++ Set Id ++ Commit ++ Votes
 * Ancestries}): a commit with its round and set id, and the extra headers that trace every precommit target down to
 * the commit target (normally none).
 *
 * @param round       the round that finalized the target
 * @param setId       the voter set id
 * @param commit      the commit
 * @param ancestries  headers between precommit targets and the commit target
 */
public record Justification(long round, long setId, Commit commit, List<Header> ancestries) {
    public Justification {
        Objects.requireNonNull(commit, "commit");
        ancestries = List.copyOf(ancestries);
    }
}
