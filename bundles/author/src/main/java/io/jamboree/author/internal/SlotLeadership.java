package io.jamboree.author.internal;

import io.jamboree.stf.safrole.SealContexts;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who leads a slot (GP 0.7.2 §6.5–6.6, eq. 6.15–6.16): with γ'_s a ticket sequence, the slot's ticket is ours iff its
 * identifier equals the VRF output of one of our keys under the context X_T ⌢ η'_3 ⌢ attempt; with γ'_s fallback keys,
 * iff the slot's key γ'_s[H_t mod E] is one of our Bandersnatch keys. The author index H_i is the key's position in
 * κ'. Ticket identifiers of our keys are computed once per (η'_3, attempt) and cached.
 */
final class SlotLeadership {

    /** A slot this node may seal. */
    sealed interface Claim {
        LocalKey key();

        /** H_i: the key's index in κ'. */
        int authorIndex();
    }

    /** Ticket seal (eq. 6.15): our ticket {@code ticket} won the slot. */
    record TicketClaim(LocalKey key, int authorIndex, TicketBody ticket) implements Claim {}

    /** Fallback seal (eq. 6.16): our key is the slot's fallback key. */
    record FallbackClaim(LocalKey key, int authorIndex) implements Claim {}

    private final List<LocalKey> keys;
    private Hash cachedEta;
    private final Map<Integer, Map<Hash, LocalKey>> idsByAttempt = new HashMap<>();

    SlotLeadership(List<LocalKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The claim of one of our keys on the slot with phase {@code phase} (H_t mod E), given the posterior γ'_s, η'_3
     * and κ' of the block to author; empty when the slot is not ours (also when our key is not in κ').
     */
    Optional<Claim> claim(TicketsOrKeys gammaS, Hash eta3, ValidatorKeys kappa, int phase) {
        switch (gammaS) {
            case TicketsOrKeys.Tickets t -> {
                TicketBody ticket = t.tickets().get(phase);
                LocalKey k = ticketIds(eta3, ticket.attempt()).get(ticket.id());
                if (k == null) {
                    return Optional.empty();
                }
                int index = indexOf(kappa, k.publicKey());
                return index < 0 ? Optional.empty() : Optional.of(new TicketClaim(k, index, ticket));
            }
            case TicketsOrKeys.Keys f -> {
                BandersnatchPublic slotKey = f.keys().get(phase);
                for (LocalKey k : keys) {
                    if (k.publicKey().equals(slotKey)) {
                        int index = indexOf(kappa, k.publicKey());
                        if (index >= 0) {
                            return Optional.of(new FallbackClaim(k, index));
                        }
                    }
                }
                return Optional.empty();
            }
        }
    }

    /** Our keys' ticket identifiers for the seal context X_T ⌢ η'_3 ⌢ attempt (eq. 6.15). */
    private Map<Hash, LocalKey> ticketIds(Hash eta3, int attempt) {
        if (!eta3.equals(cachedEta)) {
            idsByAttempt.clear();
            cachedEta = eta3;
        }
        return idsByAttempt.computeIfAbsent(attempt, a -> {
            byte[] ctx = SealContexts.ticket(eta3, a);
            Map<Hash, LocalKey> m = new HashMap<>();
            for (LocalKey k : keys) {
                m.put(TicketIds.output(k, ctx), k);
            }
            return m;
        });
    }

    /** The index of {@code key} in {@code kappa}, or -1. */
    static int indexOf(ValidatorKeys kappa, BandersnatchPublic key) {
        for (int i = 0; i < kappa.size(); i++) {
            if (kappa.get(i).bandersnatch().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
