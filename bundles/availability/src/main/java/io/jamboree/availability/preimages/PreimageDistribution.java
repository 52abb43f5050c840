package io.jamboree.availability.preimages;

import io.jamboree.types.Hash;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A node's side of preimage distribution (GP 0.7.2 §12.4, JAMNP-S CE 142/143): preimages provided here or received
 * from peers are kept, given to the block author's preimage pool (so they reach the preimages extrinsic E_P), served
 * over CE 143 and announced over CE 142 to the node's grid neighbours (JAMNP-S "Grid structure").
 */
@ProviderType
public interface PreimageDistribution {
    /**
     * Provides the preimage {@code preimage} for service {@code service}: keeps it, submits it to the local pool and
     * announces it to the grid neighbours. Returns its hash.
     */
    Hash provide(long service, byte[] preimage);

    /** The preimage of {@code hash}, if this node holds it. */
    Optional<byte[]> preimage(Hash hash);
}
