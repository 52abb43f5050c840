package io.jamboree.importer;

import io.jamboree.types.Hash;

/**
 * A known ancestor: slot and header hash. The lookup anchor of every guaranteed report must be among
 * the last {@code L} imported headers (GP §11.4, eq. 11.33); a node that starts from a snapshot is
 * given its ancestry instead of importing it.
 */
public record AncestryItem(long slot, Hash headerHash) {}
