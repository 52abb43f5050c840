package io.jamboree.stf.disputes;

import io.jamboree.types.Ed25519Public;
import java.util.List;

/** The outcome of the disputes transition: the offenders mark H_o and ψ', ρ‡, or an error (state unchanged). */
public sealed interface DisputesResult {

    /** Success: H_o (eq. 10.20) and the posterior state. */
    record Ok(List<Ed25519Public> offendersMark, DisputesState postState) implements DisputesResult {
        public Ok {
            offendersMark = List.copyOf(offendersMark);
        }
    }

    /** Failure: the block is invalid. */
    record Err(DisputesError error) implements DisputesResult {}
}
