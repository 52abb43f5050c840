package io.jamboree.accumulate;

import io.jamboree.merkle.StateKey;
import java.util.Objects;

/**
 * One change to the serialized service-account state made by accumulation (GP §12, δ → δ'):
 * a key of C(255, s) (encoded account info) or of C(s, ·) (storage, preimage, request item) is set
 * or removed.
 */
public sealed interface ServiceWrite {
    StateKey key();

    /** Sets {@code key} to {@code value} (the array is owned by the write). */
    record Put(StateKey key, byte[] value) implements ServiceWrite {
        public Put {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
        }
    }

    /** Removes {@code key}. */
    record Remove(StateKey key) implements ServiceWrite {
        public Remove {
            Objects.requireNonNull(key);
        }
    }
}
