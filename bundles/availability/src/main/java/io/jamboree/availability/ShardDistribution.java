package io.jamboree.availability;

import io.jamboree.types.AvailabilitySpec;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The guarantor's side of availability (GP 0.7.2 §14.4.1, eq. 14.17; JAMNP-S CE 137 and CE 147): after guaranteeing a
 * work package, its guarantor publishes the audit bundle and the exported segments here. They are erasure-coded and
 * kept, so that each assurer can fetch its shards (CE 137) and auditors the whole bundle (CE 147).
 */
@ProviderType
public interface ShardDistribution {
    /**
     * Erasure-codes and keeps {@code bundle} and {@code exports} under {@code spec}'s erasure root.
     *
     * @throws AvailabilityException if the chunks do not give {@code spec}'s erasure root
     */
    void publish(AvailabilitySpec spec, byte[] bundle, List<byte[]> exports) throws AvailabilityException;
}
