package io.jamboree.network;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which peers get a UP stream of a kind (JAMNP-S "UP 0: Block announcement": the stream is opened only between grid
 * neighbours, or when at least one side is not a validator). A UP {@link StreamHandler} may also implement this
 * interface: on a connection this node initiated, the network opens the handler's stream only when
 * {@link #opensTo} says so, and {@link Network#refreshUpStreams} applies a change of answer (an epoch transition)
 * to the open connections. A UP handler that does not implement it gets a stream on every connection.
 */
@ConsumerType
public interface UpStreamPolicy {
    /**
     * Whether this node, initiator of the connection with {@code peer}, should have the UP stream open with it now.
     * Called on a network thread: answer quickly, without blocking.
     */
    boolean opensTo(PeerId peer);
}
