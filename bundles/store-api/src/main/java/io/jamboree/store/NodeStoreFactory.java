package io.jamboree.store;

/**
 * Makes fresh, empty node stores of one kind, owned by the caller (who closes them), next to the node's own
 * {@link ActiveStore}: e.g. the fuzz target's in-memory chain per session. Registered as an OSGi service with the
 * property {@value NodeStore#KIND_PROPERTY} naming the kind it makes (e.g. {@code memory}).
 */
@org.osgi.annotation.versioning.ProviderType
public interface NodeStoreFactory {

    /** The kind of store made (the {@value NodeStore#KIND_PROPERTY} service property). */
    String kind();

    /** A new, empty store. */
    NodeStore create();
}
