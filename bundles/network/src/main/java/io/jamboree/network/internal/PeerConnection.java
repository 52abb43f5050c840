package io.jamboree.network.internal;

import io.jamboree.network.PeerId;
import io.jamboree.network.PeerInfo;
import io.netty.handler.codec.quic.QuicChannel;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One QUIC connection with a peer: its state, the peer's key once the handshake proved it, its UP streams. */
final class PeerConnection {
    private final QuicChannel quic;
    private final PeerInfo.Direction direction;
    private final PeerId expected;
    private final CompletableFuture<PeerInfo> established = new CompletableFuture<>();
    private final AtomicInteger violations = new AtomicInteger();
    /** The current UP stream of each UP kind. */
    final ConcurrentHashMap<Integer, QuicStream> up = new ConcurrentHashMap<>();
    private volatile InetSocketAddress remote;
    private volatile PeerId id;
    private volatile PeerInfo.State state = PeerInfo.State.CONNECTING;
    private volatile boolean builder;
    private volatile String closeReason;
    /** Outbound: our checks of the peer passed, the server's confirmation is awaited ({@link JamnpNetwork}). */
    volatile boolean awaitingConfirmation;

    PeerConnection(QuicChannel quic, PeerInfo.Direction direction, PeerId expected, InetSocketAddress remote) {
        this.quic = quic;
        this.direction = direction;
        this.expected = expected;
        this.remote = remote;
    }

    QuicChannel quic() {
        return quic;
    }

    PeerInfo.Direction direction() {
        return direction;
    }

    PeerId expected() {
        return expected;
    }

    CompletableFuture<PeerInfo> established() {
        return established;
    }

    PeerId id() {
        return id;
    }

    void identify(PeerId peer, boolean asBuilder, InetSocketAddress address) {
        this.id = peer;
        this.builder = asBuilder;
        if (address != null) {
            this.remote = address;
        }
    }

    PeerInfo.State state() {
        return state;
    }

    void state(PeerInfo.State s) {
        this.state = s;
    }

    int violation() {
        return violations.incrementAndGet();
    }

    /** The reason the connection closed, the first one given. */
    String closeReason() {
        return closeReason;
    }

    void closeReason(String r) {
        if (closeReason == null) {
            closeReason = r;
        }
    }

    PeerInfo info(OptionalInt validatorIndex) {
        return new PeerInfo(id, remote, direction, state, validatorIndex, violations.get(), builder);
    }

    /** The peer's alternative name if known, else its address. */
    String label() {
        PeerId p = id;
        return p != null ? p.altName() + "@" + remote : "peer@" + remote;
    }
}
