package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * What a GRANDPA vote names (GP §19, last paragraphs; spec/grandpa.md §5.1 {@code Target}): a block's header hash
 * together with its posterior state root M_σ(σ′). Two targets with one header hash and different roots are different
 * blocks; as a block's posterior state is a function of the block, a vote whose root is not the one this node
 * computed for the header names no block this node knows (see {@link Round}).
 *
 * @param header    the header hash
 * @param stateRoot the posterior state root
 */
public record Target(Hash header, Hash stateRoot) {
    /** Octets of the encoding. */
    public static final int SIZE = 64;

    public Target {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(stateRoot, "stateRoot");
    }
}
