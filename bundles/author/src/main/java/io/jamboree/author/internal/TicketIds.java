package io.jamboree.author.internal;

import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.types.Hash;

/**
 * The identifier of a ticket (GP §6.7, eq. 6.29: Y of the ring VRF proof) and the VRF output of a ticket seal
 * (eq. 6.15: Y(H_s) = i_y) are the same number: the VRF output depends only on the secret and the VRF input, the
 * context X_T ⌢ η ⌢ attempt, not on the ring or the message. So a ticket's identifier is known without its ring proof.
 */
final class TicketIds {
    private static final byte[] EMPTY = new byte[0];

    private TicketIds() {}

    /** Y(F_k^ctx⟨⟩): the 32-byte VRF output of {@code key} for the VRF input {@code context}. */
    static Hash output(LocalKey key, byte[] context) {
        return new Hash(BandersnatchVrf.vrfOutput(BandersnatchVrf.ietfProve(key.secret(), context, EMPTY)));
    }
}
