package io.jamboree.network.internal;

import io.jamboree.network.PeerId;
import java.net.InetSocketAddress;

/**
 * A bootnode {@code NAME@IP:PORT} (JIP-4): {@code NAME} the node's alternative name, {@code IP} an IPv4 address or
 * a bracketed IPv6 one, {@code PORT} its UDP port.
 *
 * @param id      the node's key, from its name
 * @param address its address
 */
public record Bootnode(PeerId id, InetSocketAddress address) {

    /**
     * Parses {@code NAME@IP:PORT}.
     *
     * @throws IllegalArgumentException naming the fault
     */
    public static Bootnode parse(String s) {
        String t = s == null ? "" : s.strip();
        int at = t.indexOf('@');
        int colon = t.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == t.length() - 1) {
            throw new IllegalArgumentException("a bootnode is NAME@IP:PORT, got '" + s + "'");
        }
        PeerId id = PeerId.ofAltName(t.substring(0, at));
        String host = t.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in bootnode '" + s + "'");
        }
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("bad port in bootnode '" + s + "'");
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the address of bootnode '" + s + "'");
        }
        return new Bootnode(id, a);
    }

    @Override
    public String toString() {
        return id.altName() + "@" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
