package io.jamboree.stf.preimages;

import io.jamboree.codec.Encoder;

/** The outcome of preimage integration. */
public sealed interface PreimagesResult {

    /** Success with the posterior state. */
    record Ok(PreimagesState postState) implements PreimagesResult {}

    /** Failure; the state is unchanged. */
    record Err(PreimagesError error) implements PreimagesResult {}

    /** The vectors' output encoding: {@code 0} or {@code 1 ⌢ code}. */
    default void encodeOutput(Encoder w) {
        switch (this) {
            case Ok ok -> w.u8(0);
            case Err err -> w.u8(1).u8(err.error().code());
        }
    }
}
