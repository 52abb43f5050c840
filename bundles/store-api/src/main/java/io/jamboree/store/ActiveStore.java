package io.jamboree.store;

import java.util.Map;
import java.util.Set;

/**
 * The store the node uses: a {@link NodeStore} that delegates to the store of the configured kind
 * (Config Admin PID {@value #PID}, property {@code kind}) and can switch to another kind at run time,
 * copying all data.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ActiveStore extends NodeStore {
    /** The configuration PID of the storage layer (properties kind, path, mapSizeGiB). */
    String PID = "io.jamboree.store";

    /** Kinds of NodeStore services currently registered. */
    Set<String> availableKinds();

    /** Entries per table in the active store. */
    Map<Table, Long> sizes();

    /**
     * Copies every table of the active store into the store of {@code kind} in one write
     * transaction (replacing what it held), verifies entry counts and checksums, then makes it the
     * active store. The old store keeps its data. Writers wait during the copy.
     *
     * @throws StoreException if that kind is not available or the copy does not verify; the active
     *     store is unchanged then
     */
    Stores.CopyReport switchTo(String kind);
}
