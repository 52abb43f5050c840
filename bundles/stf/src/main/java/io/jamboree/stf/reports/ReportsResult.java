package io.jamboree.stf.reports;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ReportedWorkPackage;
import java.util.List;

/** The outcome of the reports transition: the reported packages and reporters with the posterior state, or an error. */
public sealed interface ReportsResult {

    /**
     * Success.
     *
     * @param reported the incoming packages' hashes and segment roots, ordered by package hash
     * @param reporters the reporters set {@code G} (GP eq:guarantorsig) of Ed25519 keys, ordered
     * @param postState the posterior state
     */
    record Ok(List<ReportedWorkPackage> reported, List<Ed25519Public> reporters, ReportsState postState)
            implements ReportsResult {
        public Ok {
            reported = List.copyOf(reported);
            reporters = List.copyOf(reporters);
        }
    }

    /** Failure; the state is unchanged. */
    record Err(ReportsError error) implements ReportsResult {}

    /** The vectors' output encoding: {@code 0 ⌢ ↕reported ⌢ ↕reporters} or {@code 1 ⌢ code}. */
    default void encodeOutput(Encoder e, ChainParams p) {
        switch (this) {
            case Ok ok -> {
                e.u8(0);
                e.varSeq(ok.reported(), (x, r) -> r.encode(x, p));
                e.varSeq(ok.reporters(), (x, k) -> k.encode(x));
            }
            case Err err -> e.u8(1).u8(err.error().code());
        }
    }
}
