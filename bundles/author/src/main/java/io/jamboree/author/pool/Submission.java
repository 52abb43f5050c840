package io.jamboree.author.pool;

import java.util.Objects;

/** What became of an item submitted to the {@link ExtrinsicPool}. */
public sealed interface Submission {

    /** The item is pooled and may be included in a later block. */
    record Accepted() implements Submission {}

    /** An equal item (for tickets: the same identifier; for assurances: the same validator and anchor) is pooled. */
    record Duplicate() implements Submission {}

    /** The item is not pooled, for the reason given (malformed, pool full, already in the chain state...). */
    record Refused(String reason) implements Submission {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Whether the item was pooled. */
    default boolean accepted() {
        return this instanceof Accepted;
    }
}
