package io.jamboree.sync.internal;

import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.PeerInfo;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.network.StreamKind;
import io.jamboree.network.ValidatorPeer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Network} without sockets for sync tests: peers are handler tables; {@link #openStream} runs the peer's
 * handler for the kind on an in-memory {@link PipeStream} pair. Records disconnects and counts opened streams.
 */
final class FakeNetwork implements Network {
    private final PeerId me;
    private final Map<PeerId, Map<Integer, StreamHandler>> peers = new ConcurrentHashMap<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    FakeNetwork(PeerId me) {
        this.me = me;
    }

    void addPeer(PeerId id, Map<Integer, StreamHandler> handlers) {
        peers.put(id, handlers);
    }

    @Override
    public PeerId localId() {
        return me;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public String alpn() {
        return "jamnp-s/0/00000000";
    }

    @Override
    public CompletionStage<PeerInfo> connect(InetSocketAddress address, PeerId expected) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public List<PeerInfo> peers() {
        List<PeerInfo> out = new ArrayList<>();
        for (PeerId p : peers.keySet()) {
            out.add(new PeerInfo(p, localAddress(), PeerInfo.Direction.OUTBOUND, PeerInfo.State.CONNECTED,
                    OptionalInt.empty(), 0, false));
        }
        return out;
    }

    @Override
    public Optional<PeerInfo> peer(PeerId id) {
        return peers().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public CompletionStage<Stream> openStream(PeerId peer, StreamKind kind) {
        Map<Integer, StreamHandler> hs = peers.get(peer);
        if (hs == null || !hs.containsKey(kind.value())) {
            return CompletableFuture.failedFuture(new IllegalStateException("no peer or handler"));
        }
        opened.incrementAndGet();
        PipeStream[] pair = PipeStream.pair(me, peer, kind);
        Thread.ofVirtual().start(() -> {
            try {
                hs.get(kind.value()).handle(pair[1]);
                pair[1].finish();
            } catch (Exception e) {
                pair[1].reset(e.toString());
            }
        });
        return CompletableFuture.completedFuture(pair[0]);
    }

    @Override
    public Optional<Stream> upStream(PeerId peer, StreamKind kind) {
        return Optional.empty();
    }

    @Override
    public void disconnect(PeerId peer, String reason) {
        disconnects.add(peer + ": " + reason);
    }

    @Override
    public void setValidators(Collection<ValidatorPeer> validators) {
        // not needed
    }
}
