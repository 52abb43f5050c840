package io.jamboree.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A validator this node must stay connected to (JAMNP-S "Required connectivity": all validators of the previous,
 * current and next epochs), with its endpoint from the first 18 octets of its validator metadata {@code k_M}
 * (GP §6.3, eq. 6.12).
 *
 * @param id      the validator's Ed25519 key {@code k_e}
 * @param address its IPv6 address and port
 * @param index   its validator index in the set it was taken from
 */
public record ValidatorPeer(PeerId id, InetSocketAddress address, int index) {
    /** Octets of the endpoint at the start of the metadata: a 16-octet IPv6 address, a little-endian u16 port. */
    public static final int ENDPOINT_BYTES = 18;

    public ValidatorPeer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (index < 0 || index > 0xffff) {
            throw new IllegalArgumentException("a validator index is a u16, got " + index);
        }
    }

    /**
     * The endpoint in validator metadata (JAMNP-S "Required connectivity"): octets 0..15 the IPv6 address (an
     * IPv4-mapped one becomes IPv4), octets 16..17 the port, little-endian.
     *
     * @throws IllegalArgumentException if {@code metadata} is shorter than {@value #ENDPOINT_BYTES} octets or the
     *                                  port is 0
     */
    public static InetSocketAddress endpointOf(byte[] metadata) {
        if (metadata == null || metadata.length < ENDPOINT_BYTES) {
            throw new IllegalArgumentException("validator metadata holds an 18-octet endpoint, got "
                    + (metadata == null ? "none" : metadata.length + " octets"));
        }
        byte[] ip = new byte[16];
        System.arraycopy(metadata, 0, ip, 0, 16);
        int port = (metadata[16] & 0xff) | (metadata[17] & 0xff) << 8;
        if (port == 0) {
            throw new IllegalArgumentException("validator metadata gives port 0 (no endpoint)");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad IPv6 address in validator metadata", e);
        }
    }
}
