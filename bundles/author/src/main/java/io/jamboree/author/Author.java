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
}
