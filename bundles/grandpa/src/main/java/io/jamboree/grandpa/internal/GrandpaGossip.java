package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.GrandpaCodec;
import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.types.Ed25519Public;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voter's outgoing GRANDPA streams (spec/grandpa.md §5, JAMNP-S CE 130 and CE 149–153): a message to one peer or
 * to every other voter of the current set that is connected, each on its own stream from a virtual thread, and a
 * CE request awaiting its one response. Without a network nothing is sent.
 */
final class GrandpaGossip {
    private static final Logger LOG = LoggerFactory.getLogger(GrandpaGossip.class);
    static final StreamKind CE_JUSTIFICATION = StreamKind.of(130);
    static final StreamKind CE_VOTE = StreamKind.of(149);
    static final StreamKind CE_COMMIT = StreamKind.of(150);
    static final StreamKind CE_STATE = StreamKind.of(151);
    static final StreamKind CE_CATCH_UP = StreamKind.of(152);
    static final StreamKind CE_WARP_SYNC = StreamKind.of(153);

    private final VoterState state;
    private final GrandpaCodec codec;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Network network;

    GrandpaGossip(VoterState state, GrandpaCodec codec) {
        this.state = state;
        this.codec = codec;
    }

    void network(Network n) {
        network = n;
    }

    void unsetNetwork(Network n) {
        if (network == n) {
            network = null;
        }
    }

    /** @return the number of connected peers, -1 without a network */
    int peers() {
        Network net = network;
        return net == null ? -1 : net.peers().size();
    }

    /** Runs {@code task} on a sender thread; false once shut down. */
    boolean execute(Runnable task) {
        try {
            sender.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    void shutdown() {
        sender.shutdownNow();
    }

    /** CE 151 to every voter: our round, set and finalized slot. */
    void broadcastState() {
        byte[] m;
        synchronized (state) {
            m = codec.encode(new StateMessage(state.roundNo, state.voters.setId(), state.finalized.slot()));
        }
        broadcast(CE_STATE, m);
    }

    /** Sends {@code m} on a new {@code kind} stream to every connected voter of the current set but ourselves. */
    void broadcast(StreamKind kind, byte[] m) {
        Network net = network;
        if (net == null) {
            return;
        }
        for (Ed25519Public k : state.voters.keys()) {
            if (state.isOurs(k)) {
                continue;
            }
            PeerId p = new PeerId(k.bytes());
            if (net.peer(p).isPresent()) {
                send(p, kind, m);
            }
        }
    }

    /** Sends {@code m} on a new {@code kind} stream to {@code peer}, then FIN; failures are logged at debug. */
    void send(PeerId peer, StreamKind kind, byte[] m) {
        Network net = network;
        if (net == null) {
            return;
        }
        execute(() -> {
            Stream s = null;
            try {
                s = net.openStream(peer, kind).toCompletableFuture().get(5, TimeUnit.SECONDS);
                s.write(m);
                s.finish();
                s.readFin();
            } catch (Exception e) {
                LOG.debug("grandpa: {} to {} failed: {}", kind, peer, e.toString());
                if (s != null) {
                    s.reset("send failed");
                }
            }
        });
    }

    /** A CE request: the one response message, or null if the peer has none (FIN or reset). */
    byte[] request(PeerId peer, StreamKind kind, byte[] m) throws Exception {
        Network net = network;
        if (net == null) {
            return null;
        }
        Stream s = net.openStream(peer, kind).toCompletableFuture().get(5, TimeUnit.SECONDS);
        try {
            s.write(m);
            s.finish();
            byte[] resp = s.read();
            if (resp != null) {
                s.readFin();
            }
            return resp;
        } catch (Exception e) {
            s.reset(e.toString());
            throw e;
        }
    }
}
