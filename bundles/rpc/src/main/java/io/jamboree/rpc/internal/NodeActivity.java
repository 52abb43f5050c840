package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the node does besides its chain, for the dashboard (not JIP-2): the peers connected now (from the JAMNP-S
 * network when it runs) and the author and import times of the last blocks this node authored. Thread-safe.
 */
final class NodeActivity {
    /**
     * A connected peer: its Ed25519 key (which names a validator in κ), alternative name, UDP address, validator index
     * as the network knows it (-1 when not known) and direction.
     */
    record Peer(byte[] ed25519, String name, String address, int validatorIndex, boolean outbound) {}

    /** A block this node authored: slot, time to build and seal it, time to import it. */
    record Authored(long slot, double authorMs, double importMs) {}

    /** Authored blocks kept. */
    static final int KEPT = 64;

    private final Supplier<List<Peer>> peers;
    private final LogLevelControl logLevels;
    private final ArrayDeque<Authored> authored = new ArrayDeque<>();

    NodeActivity(Supplier<List<Peer>> peers) {
        this(peers, LogLevelControl.none());
    }

    NodeActivity(Supplier<List<Peer>> peers, LogLevelControl logLevels) {
        this.peers = peers;
        this.logLevels = logLevels;
    }

    /** The node's log levels (jam_setLogLevel). */
    LogLevelControl logLevels() {
        return logLevels;
    }

    /** No network: no peers. */
    static NodeActivity none() {
        return new NodeActivity(List::of);
    }

    void authored(long slot, long authorNanos, long importNanos) {
        synchronized (authored) {
            authored.addLast(new Authored(slot, authorNanos / 1e6, importNanos / 1e6));
            while (authored.size() > KEPT) {
                authored.removeFirst();
            }
        }
    }

    /** {@code [{ed25519, name, address, validator_index|null, direction}]} of the peers connected now. */
    JsonNode peersJson() {
        ArrayNode a = JipTypes.JSON.arrayNode();
        for (Peer p : peers.get()) {
            ObjectNode o = a.addObject();
            o.set("ed25519", JipTypes.encode(p.ed25519()));
            o.put("name", p.name());
            o.put("address", p.address());
            if (p.validatorIndex() >= 0) {
                o.put("validator_index", p.validatorIndex());
            } else {
                o.putNull("validator_index");
            }
            o.put("direction", p.outbound() ? "outbound" : "inbound");
        }
        return a;
    }

    /** {@code [{slot, author_ms, import_ms}]} of the last blocks this node authored, oldest first. */
    JsonNode authoredJson() {
        ArrayNode a = JipTypes.JSON.arrayNode();
        synchronized (authored) {
            for (Authored b : authored) {
                ObjectNode o = a.addObject();
                o.put("slot", b.slot());
                o.put("author_ms", Math.round(b.authorMs() * 100) / 100.0);
                o.put("import_ms", Math.round(b.importMs() * 100) / 100.0);
            }
        }
        return a;
    }
}
