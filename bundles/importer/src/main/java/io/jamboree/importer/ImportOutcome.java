package io.jamboree.importer;

import io.jamboree.types.Hash;

/** The result of importing one block: applied in full, or rejected with the state untouched. */
public sealed interface ImportOutcome {
    /** The block was valid; its posterior state is stored under its header hash. */
    record Imported(Hash headerHash, Hash stateRoot) implements ImportOutcome {}

    /** The block was invalid (GP §4-§13 or header checks); nothing changed. */
    record Rejected(String reason) implements ImportOutcome {}
}
