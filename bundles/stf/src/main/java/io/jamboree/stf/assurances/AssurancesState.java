package io.jamboree.stf.assurances;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.ValidatorKeys;
import java.util.List;

/**
 * The state subset of the assurances transition (vectors' {@code assurances.asn}): {@code ρ†}, mutated to
 * {@code ρ‡}, and the active validators {@code κ}.
 */
public record AssurancesState(AvailabilityAssignments availAssignments, ValidatorKeys currValidators) {

    public static final List<String> FIELDS = List.of("avail_assignments", "curr_validators");

    public static AssurancesState decode(Decoder d, ChainParams p) {
        return new AssurancesState(AvailabilityAssignments.decode(d, p), ValidatorKeys.decode(d, p));
    }

    public byte[] encodeField(int i, ChainParams p) {
        Encoder e = new Encoder();
        switch (i) {
            case 0 -> availAssignments.encode(e, p);
            case 1 -> currValidators.encode(e, p);
            default -> throw new IllegalArgumentException("field " + i);
        }
        return e.toByteArray();
    }
}
