package io.jamboree.network;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of peers connecting and leaving (whiteboard pattern: register as an OSGi service). Calls come one at a time
 * from one notification thread, in the order the events happened; they must not block for long.
 */
@ConsumerType
public interface PeerListener {
    /**
     * A connection's handshake completed and the peer's certificate was accepted. When two connections with one
     * peer meet, the one the Preferred Initiator opened replaces the other: then {@code connected} comes again for
     * the same peer without a {@code disconnected} in between.
     */
    void connected(PeerInfo peer);

    /** A connection closed; {@code reason} says why (local or remote close, idle timeout, violations, ...). */
    void disconnected(PeerInfo peer, String reason);
}
