package io.jamboree.author;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The block author of a validator node (GP §6): for a time slot, decides whether one of this node's validator keys
 * leads it (GP §6.5–6.6), and if so builds and seals a block on the best head (GP §6.4, eq. 6.15–6.17) and imports it
 * with the node's {@code BlockImporter}. Every authored block is announced to the registered {@link AuthorListener}
 * services.
 */
@ProviderType
public interface Author {
    /** The validator indices (in κ of the best head's state) whose keys this author holds, ascending. */
    List<Integer> validators();

    /**
     * Authors {@code slot} on the current best head, if one of our keys leads it.
     *
     * @param slot a time slot after the best head's
     * @return what happened: a block authored and imported, not our slot, or our block rejected (a bug)
     * @throws IllegalStateException if the importer holds no chain yet or the slot is not after the best head's
     */
    SlotOutcome authorSlot(long slot);

    /**
     * Our tickets for the Safrole contest of the best head's epoch (GP §6.7, eq. 6.29): for each of our keys in the
     * head state's γ_k (the next epoch's validators), one ring VRF proof per attempt below N over the ring of γ_k with
     * the context X_T ⌢ η_2 ⌢ attempt. The proofs are made once per contest and kept, so blocks include the same
     * envelopes without proving again. Takes as long as the ring proofs (seconds): call it off the slot thread.
     *
     * @throws IllegalStateException if the importer holds no chain yet
     */
    ContestTickets ownTickets();
}
