package io.jamboree.importer;

import io.jamboree.types.Hash;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The best block B♭ (GP §19): of the known blocks that have the finalized block B♮ as an ancestor, contain no
 * unfinalized block at a slot where two valid blocks are known (an equivocation) and are audited (none judged bad),
 * the one with the most ticket-sealed ancestors. Authoring builds on it, sync announces it as the best head and the
 * GRANDPA voter votes along its chain. Provided by the GRANDPA bundle (which knows B♮) over the {@link BlockImporter}'s
 * tree; where no one provides it, the importer's {@link BlockImporter#bestHead()} (the longest chain) stands in.
 */
@ProviderType
public interface BestChain {
    /** The head of the best chain; B♮ itself when no block above it is acceptable; empty before any chain is known. */
    Optional<Hash> bestHead();
}
