package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pending reports {@code ρ ∈ ⟦(R, N_T)?⟧_C} (GP §11.1, eq. 11.1), one optional per core ({@code null} = none).
 * Encoded as C optionals (GP Appendix D.1, C(10)).
 */
public record AvailabilityAssignments(List<AvailabilityAssignment> assignments) {
    public AvailabilityAssignments {
        assignments = Collections.unmodifiableList(new ArrayList<>(assignments)); // nulls allowed
    }

    /** C empty cores. */
    public static AvailabilityAssignments empty(ChainParams p) {
        return new AvailabilityAssignments(Collections.nCopies(p.coresCount(), null));
    }

    public AvailabilityAssignment get(int core) {
        return assignments.get(core);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.exactly(assignments, p.coresCount(), "availability assignments");
        for (AvailabilityAssignment a : assignments) {
            e.optional(a, (x, v) -> v.encode(x, p));
        }
    }

    public static AvailabilityAssignments decode(Decoder d, ChainParams p) {
        int n = p.coresCount();
        ArrayList<AvailabilityAssignment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(d.optional("availability assignment", x -> AvailabilityAssignment.decode(x, p)));
        }
        return new AvailabilityAssignments(out);
    }
}
