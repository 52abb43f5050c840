package io.jamboree.network.internal;

import io.jamboree.core.Hex;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link JamnpNetwork} is built from.
 *
 * @param identity        the node's key and certificate
 * @param genesisHash     the genesis header hash (32 octets; its first 4 name the chain in the ALPN)
 * @param listen          the UDP address to bind (port 0: any)
 * @param bootnodes       nodes to stay connected to
 * @param streamTimeoutMs the longest wait for a CE message or the rest of a half-received message
 * @param maxViolations   protocol violations after which a peer is disconnected
 * @param initiatorGraceMs how long a validator that is not the Preferred Initiator waits before connecting itself
 * @param alpnOverride    the ALPN to offer as a client and accept as a server instead of the genesis one, or
 *                        {@code null} (tests of refused ALPNs)
 * @param nativeTransport whether to use Linux epoll with UDP GSO/GRO when available ({@link NativeTransport}); false:
 *                        Java NIO
 */
public record NetworkSettings(NodeCertificate identity, byte[] genesisHash, InetSocketAddress listen, List<Bootnode> bootnodes,
        long streamTimeoutMs, int maxViolations, long initiatorGraceMs, String alpnOverride, boolean nativeTransport) {

    public NetworkSettings {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(listen, "listen");
        if (genesisHash == null || genesisHash.length != 32) {
            throw new IllegalArgumentException("the genesis hash is 32 octets");
        }
        genesisHash = genesisHash.clone();
        bootnodes = List.copyOf(bootnodes);
        if (streamTimeoutMs < 1 || maxViolations < 1 || initiatorGraceMs < 0) {
            throw new IllegalArgumentException("stream timeout and max violations must be positive");
        }
    }

    /** Settings with the native transport used when available. */
    public NetworkSettings(NodeCertificate identity, byte[] genesisHash, InetSocketAddress listen, List<Bootnode> bootnodes,
            long streamTimeoutMs, int maxViolations, long initiatorGraceMs, String alpnOverride) {
        this(identity, genesisHash, listen, bootnodes, streamTimeoutMs, maxViolations, initiatorGraceMs, alpnOverride, true);
    }

    /** Defaults: 10 s stream timeout, 10 violations, 5 s initiator grace, no bootnodes. */
    public static NetworkSettings of(NodeCertificate identity, byte[] genesisHash, InetSocketAddress listen) {
        return new NetworkSettings(identity, genesisHash, listen, List.of(), 10_000, 10, 5_000, null);
    }

    public NetworkSettings withStreamTimeoutMs(long ms) {
        return new NetworkSettings(identity, genesisHash, listen, bootnodes, ms, maxViolations, initiatorGraceMs, alpnOverride,
                nativeTransport);
    }

    public NetworkSettings withMaxViolations(int n) {
        return new NetworkSettings(identity, genesisHash, listen, bootnodes, streamTimeoutMs, n, initiatorGraceMs, alpnOverride,
                nativeTransport);
    }

    public NetworkSettings withBootnodes(List<Bootnode> b) {
        return new NetworkSettings(identity, genesisHash, listen, b, streamTimeoutMs, maxViolations, initiatorGraceMs, alpnOverride,
                nativeTransport);
    }

    public NetworkSettings withInitiatorGraceMs(long ms) {
        return new NetworkSettings(identity, genesisHash, listen, bootnodes, streamTimeoutMs, maxViolations, ms, alpnOverride,
                nativeTransport);
    }

    public NetworkSettings withAlpn(String alpn) {
        return new NetworkSettings(identity, genesisHash, listen, bootnodes, streamTimeoutMs, maxViolations, initiatorGraceMs, alpn,
                nativeTransport);
    }

    /** {@code false}: Java NIO even where epoll is available. */
    public NetworkSettings withNativeTransport(boolean on) {
        return new NetworkSettings(identity, genesisHash, listen, bootnodes, streamTimeoutMs, maxViolations, initiatorGraceMs,
                alpnOverride, on);
    }

    /** {@code jamnp-s/0/H}, {@code H} the first 8 hex digits of the genesis hash (JAMNP-S "ALPN"). */
    String alpn() {
        if (alpnOverride != null) {
            return alpnOverride;
        }
        return "jamnp-s/0/" + Hex.encode(java.util.Arrays.copyOf(genesisHash, 4)).substring(2);
    }
}
