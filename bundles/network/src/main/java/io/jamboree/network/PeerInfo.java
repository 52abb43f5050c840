package io.jamboree.network;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A row of the network's peer table.
 *
 * @param id             the peer's Ed25519 key
 * @param address        its remote UDP address
 * @param direction      whether this node initiated the connection
 * @param state          the connection's state
 * @param validatorIndex its index in the validator set this node was given ({@link Network#setValidators}), if any
 * @param violations     protocol violations counted against it on this connection (bad frames, stalls, ...)
 * @param builder        whether it connected with the {@code /builder} ALPN (JAMNP-S "ALPN")
 */
public record PeerInfo(PeerId id, InetSocketAddress address, Direction direction, State state,
        OptionalInt validatorIndex, int violations, boolean builder) {

    public PeerInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(validatorIndex, "validatorIndex");
    }

    /** Who initiated a connection. */
    public enum Direction {
        /** The peer connected to this node. */
        INBOUND,
        /** This node connected to the peer. */
        OUTBOUND
    }

    /** The state of a peer's connection. */
    public enum State {
        /** Handshake under way. */
        CONNECTING,
        /** Handshake done, certificate accepted: streams may be opened. */
        CONNECTED,
        /** Closed; for a peer this node must stay connected to, a reconnect is scheduled with backoff. */
        DISCONNECTED
    }
}
