package io.jamboree.store;

/**
 * An ordered, forward-only iteration over a table, valid while its transaction is open.
 * Close it when done (closing the transaction closes it too).
 */
@org.osgi.annotation.versioning.ProviderType
public interface Cursor extends AutoCloseable {
    /** The next entry in unsigned byte order, or {@code null} at the end of the range. */
    Entry next();

    @Override
    void close();
}
