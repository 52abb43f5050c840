package io.jamboree.importer;

import io.jamboree.types.Hash;

/**
 * A block just imported (see {@link BlockImportListener}).
 *
 * @param headerHash the block's header hash
 * @param slot the block's time slot H_t
 * @param stateRoot the posterior state root M_σ(σ')
 * @param bestHead the importer's best head after the import (this block when it extends the longest chain)
 */
public record ImportedBlock(Hash headerHash, long slot, Hash stateRoot, Hash bestHead) {
    public ImportedBlock {
        java.util.Objects.requireNonNull(headerHash, "headerHash");
        java.util.Objects.requireNonNull(stateRoot, "stateRoot");
        java.util.Objects.requireNonNull(bestHead, "bestHead");
    }
}
