package io.jamboree.stf.safrole;

import io.jamboree.types.EpochMark;
import io.jamboree.types.TicketBody;
import java.util.List;
import java.util.Optional;

/** The outcome of the Safrole transition: the header markers and the posterior state, or an error. */
public sealed interface SafroleResult {

    /** Success: H_e (eq. 6.27), H_w (eq. 6.28) and the posterior state. */
    record Ok(Optional<EpochMark> epochMark, Optional<List<TicketBody>> ticketsMark, SafroleState postState)
            implements SafroleResult {}

    /** Failure: the block is invalid; the state is unchanged. */
    record Err(SafroleError error) implements SafroleResult {}
}
