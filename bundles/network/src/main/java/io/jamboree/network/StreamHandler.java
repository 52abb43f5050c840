package io.jamboree.network;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol's side of the streams of one kind (whiteboard pattern): registered as an OSGi service with the service
 * property {@value #KIND} (an {@code Integer} 0..255) and optionally {@value #MAX_MESSAGE} (an {@code Integer}, the
 * largest message content in octets it accepts, default {@value #DEFAULT_MAX_MESSAGE}). The network accepts
 * incoming streams of a kind only while a handler for it is registered; a stream of any other kind is reset
 * (JAMNP-S: the kind octet identifies the protocol). With several handlers for one kind the one of the highest
 * service ranking serves.
 *
 * <p><b>CE kinds</b> (128 and above): {@link #handle} is called for every stream a peer opens, on a virtual thread
 * of its own. Streams this node opens with {@link Network#openStream} belong to the caller, not to the handler.
 *
 * <p><b>UP kinds</b> (below 128): the network keeps one stream per kind and connection. When this node initiated
 * a connection it opens a stream of every registered UP kind right after the handshake (JAMNP-S: UP streams are
 * always opened by the connection's initiator) and calls {@link #handle} with it ({@link Stream#isLocal()} true);
 * on accepted connections {@link #handle} gets the stream the peer opened. A newer stream of the same kind replaces
 * the older one, which is reset (the greatest id is kept). Others write to the current stream through
 * {@link Network#upStream}.
 *
 * <p>When {@link #handle} returns, the network finishes this side of the stream if the handler did not. When it
 * throws a {@link ProtocolViolationException}, the stream is reset and the violation counted against the peer; any
 * other exception resets the stream with its message as reason.
 */
@ConsumerType
public interface StreamHandler {
    /** Service property: the stream kind handled, an {@code Integer} 0..255. */
    String KIND = "jamnp.stream.kind";

    /** Service property: the largest message content accepted on streams of the kind, an {@code Integer}. */
    String MAX_MESSAGE = "jamnp.stream.max-message";

    /** Octets of the largest message content when {@value #MAX_MESSAGE} is not given: 4 MiB. */
    int DEFAULT_MAX_MESSAGE = 4 << 20;

    /**
     * Serves one stream until its protocol is done; blocking reads and writes are expected.
     *
     * @throws Exception to reset the stream (see the class comment)
     */
    void handle(Stream stream) throws Exception;
}
