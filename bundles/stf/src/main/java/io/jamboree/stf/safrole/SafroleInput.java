package io.jamboree.stf.safrole;

import io.jamboree.types.Hash;
import io.jamboree.types.TicketEnvelope;
import java.util.List;
import java.util.Objects;

/**
 * Block inputs of Safrole (GP §6): the slot H_t, the entropy-source VRF output Y(H_v) (eq. 6.22,
 * {@code eq:entropycomposition} ff.) and the tickets extrinsic E_T (eq. 6.29, {@code eq:ticketsextrinsic}).
 */
public record SafroleInput(long slot, Hash entropy, List<TicketEnvelope> extrinsic) {
    public SafroleInput {
        Objects.requireNonNull(entropy);
        extrinsic = List.copyOf(extrinsic);
    }
}
