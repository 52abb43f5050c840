package io.jamboree.network;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * This node's JAMNP-S endpoint (spec {@code jamnp-s.md}): a QUIC socket with TLS 1.3, a self-signed Ed25519
 * certificate on the node's key with its alternative name, the ALPN {@code jamnp-s/0/H} ({@code H} the first 8 hex
 * digits of the genesis header hash) or its {@code /builder} variant; a peer whose certificate, key or ALPN does
 * not fit is refused. Streams are served by {@link StreamHandler} services, peer events go to {@link PeerListener}
 * services.
 *
 * <p>A Declarative Services component configured by PID {@value #PID} (it starts only once configured):
 * <ul>
 *   <li>{@code genesisHash}: the genesis header hash, hex (required: it names the chain in the ALPN);</li>
 *   <li>{@code port} (default {@value #DEFAULT_PORT}) and {@code listen} (default {@code 0.0.0.0}): the UDP socket;</li>
 *   <li>{@code key}: the Ed25519 public key (hex) of the keystore validator whose key the node uses; empty means the
 *       keystore's first validator, or a fresh random key when the keystore holds none (a non-validator node);</li>
 *   <li>{@code bootnodes}: {@code NAME@IP:PORT} entries (JIP-4; {@code NAME} an alternative name) to stay connected
 *       to, with reconnects under exponential backoff;</li>
 *   <li>{@code streamTimeoutMs} (default 10000): the longest wait for a CE message, or for the rest of any
 *       half-received message (after which the stream is reset as stalled);</li>
 *   <li>{@code maxViolations} (default 10): protocol violations after which a peer is disconnected.</li>
 * </ul>
 */
@ProviderType
public interface Network {
    /** The configuration PID. */
    String PID = "io.jamboree.network";

    /** The default UDP port (the JIP-5 dev validators' metadata use 40000 + index). */
    int DEFAULT_PORT = 40_000;

    /** This node's identity, the key of its certificate. */
    PeerId localId();

    /** The bound UDP address (the actual port when 0 was configured). */
    InetSocketAddress localAddress();

    /** The ALPN this node speaks and accepts, {@code jamnp-s/0/<8 hex>}; the {@code /builder} variant is accepted. */
    String alpn();

    /** The bootnode string others can use to reach this node: {@code <alt name>@<ip>:<port>} (JIP-4). */
    default String bootnode() {
        InetSocketAddress a = localAddress();
        String host = a.getAddress().getHostAddress();
        return localId().altName() + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /**
     * Connects to a peer, or returns the existing connection to it. Completes when the QUIC handshake is done and
     * both sides accepted each other's certificate (JAMNP-S "Encryption and handshake"), so a refusal by the peer
     * completes exceptionally.
     *
     * @param address  the peer's UDP address
     * @param expected the peer's key if known; a peer presenting another key is refused. {@code null}: any valid key
     */
    CompletionStage<PeerInfo> connect(InetSocketAddress address, PeerId expected);

    /** The peers connected now (state {@link PeerInfo.State#CONNECTED}). */
    List<PeerInfo> peers();

    /** The connected peer with the key {@code id}, if any. */
    Optional<PeerInfo> peer(PeerId id);

    /**
     * Opens a CE stream of {@code kind} to a connected peer and sends the kind octet. The caller owns the stream; the
     * largest incoming message is the {@link StreamHandler#MAX_MESSAGE} of the kind's handler, else
     * {@link StreamHandler#DEFAULT_MAX_MESSAGE}.
     *
     * @throws IllegalArgumentException for a UP kind (the network opens those itself: see {@link StreamHandler})
     */
    CompletionStage<Stream> openStream(PeerId peer, StreamKind kind);

    /** The current UP stream of {@code kind} on the connection to {@code peer}, if open. */
    Optional<Stream> upStream(PeerId peer, StreamKind kind);

    /** Closes the connection to {@code peer}, if any, logging {@code reason}. A required peer is reconnected later. */
    void disconnect(PeerId peer, String reason);

    /**
     * The validators this node must stay connected to (JAMNP-S "Required connectivity": the previous, current and
     * next epochs' validators; applying an epoch's change at the right time, "Epoch transitions", is the caller's
     * part). For each pair the Preferred Initiator ({@link PeerId#preferredInitiator}) connects at once, the other
     * side after 5 seconds without a connection; lost connections are retried with exponential backoff. Connections
     * to validators no longer listed stay open but are not retried. This node's own key is skipped.
     */
    void setValidators(Collection<ValidatorPeer> validators);

    /**
     * Applies the UP stream policies ({@link UpStreamPolicy}) again to every connection this node initiated: opens the
     * UP streams a policy now allows and that are not open, and resets the ones this node opened that it no longer
     * allows (JAMNP-S "Epoch transitions": UP 0 adjustments go with the connectivity changes). Asynchronous. The
     * default does nothing (an endpoint without UP streams).
     */
    default void refreshUpStreams() {
        // no UP streams
    }
}
