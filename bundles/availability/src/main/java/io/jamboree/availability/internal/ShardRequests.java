package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamException;
import io.jamboree.network.StreamKind;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client side's request streams of the shard protocols (JAMNP-S CE 137–140, 147, 148): opening one to a peer with
 * a bounded wait, reading a required message, resetting a stream that did not finish cleanly.
 */
final class ShardRequests {
    private static final long OPEN_SECONDS = 10;

    private final Supplier<Optional<Network>> network;

    ShardRequests(Supplier<Optional<Network>> network) {
        this.network = Objects.requireNonNull(network);
    }

    /** This node's peer id, or null when the network does not run. */
    PeerId localId() {
        return network.get().map(Network::localId).orElse(null);
    }

    /** An opened request stream, reset on close unless it finished cleanly. */
    static final class Request implements AutoCloseable {
        final Stream stream;

        Request(Stream stream) {
            this.stream = stream;
        }

        @Override
        public void close() {
            if (stream.isOpen()) {
                stream.reset("request abandoned");
            }
        }
    }

    Request open(PeerId peer, StreamKind kind) throws AvailabilityException {
        Network n = network.get().orElseThrow(() -> new AvailabilityException("the network is not running"));
        try {
            return new Request(n.openStream(peer, kind).toCompletableFuture().get(OPEN_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvailabilityException(kind + " to " + peer + ": interrupted", e);
        } catch (Exception e) {
            throw new AvailabilityException(kind + " to " + peer + ": cannot open a stream: " + e, e);
        }
    }

    /** The next message of {@code s}; a FIN instead is a protocol violation. */
    static byte[] required(Stream s, String what) throws StreamException {
        byte[] m = s.read();
        if (m == null) {
            throw new ProtocolViolationException(s.kind() + ": FIN instead of the " + what);
        }
        return m;
    }
}
