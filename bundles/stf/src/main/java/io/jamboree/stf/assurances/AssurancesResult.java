package io.jamboree.stf.assurances;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.WorkReport;
import java.util.List;

/** The outcome of the assurances transition. */
public sealed interface AssurancesResult {

    /**
     * Success.
     *
     * @param available {@code W}, the newly available reports in core order (GP eq:availableworkreports)
     * @param postState {@code ρ‡} with available and timed-out reports removed
     */
    record Ok(List<WorkReport> available, AssurancesState postState) implements AssurancesResult {
        public Ok {
            available = List.copyOf(available);
        }
    }

    /** Failure; the state is unchanged. */
    record Err(AssurancesError error) implements AssurancesResult {}

    /** The vectors' output encoding. */
    default void encodeOutput(Encoder e, ChainParams p) {
        switch (this) {
            case Ok ok -> e.u8(0).varSeq(ok.available(), (x, r) -> r.encode(x, p));
            case Err err -> e.u8(1).u8(err.error().code());
        }
    }
}
