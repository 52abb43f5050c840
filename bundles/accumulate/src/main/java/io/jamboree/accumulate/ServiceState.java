package io.jamboree.accumulate;

import io.jamboree.merkle.StateKey;
import io.jamboree.types.ServiceInfo;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Read access to the service accounts δ of the prior state (GP §9, serialized as in Appendix D.1):
 * the account info under C(255, s) and the storage, preimage and request items under C(s, ·).
 * Items are addressed by their 31-byte state key, so accumulation works the same on a state that
 * came from a vector's JSON (raw keys known) and on a trace's key/value state (only hashed keys).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ServiceState {
    /** The decoded account info of service {@code serviceId}, if the service exists. */
    Optional<ServiceInfo> info(long serviceId);

    /** The value of one storage, preimage or request item, if present (the array is not shared). */
    Optional<byte[]> item(StateKey key);

    /** Every item under C(serviceId, ·), in key order (used when a service is ejected). */
    void forEachItem(long serviceId, BiConsumer<StateKey, byte[]> action);
}
