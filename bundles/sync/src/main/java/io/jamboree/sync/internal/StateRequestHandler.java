package io.jamboree.sync.internal;

import io.jamboree.stf.state.KeyValue;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.sync.internal.protocol.BoundaryNodes;
import io.jamboree.sync.internal.protocol.StateRequest;
import io.jamboree.sync.internal.protocol.SyncMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * JAMNP-S CE 129, state request, the responding side: for a block whose posterior state this node keeps, the
 * key/value pairs from the start key to the end key (both inclusive, ascending), as many as fit the maximum size (at
 * least one), preceded by the boundary nodes of the paths to the start key and to the last pair sent
 * ({@link BoundaryNodes}). A block whose state is not kept is answered with the stream reset.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=129",
        StreamHandler.MAX_MESSAGE + ":Integer=" + StateRequestHandler.MAX_BYTES})
public final class StateRequestHandler implements StreamHandler {
    /** The most bytes of a response this node sends whatever the request's maximum, and accepts. */
    static final int MAX_BYTES = 32 << 20;

    /**
     * Dynamic: the network binds this handler while it activates, and the BlockSync may need the network; the handler resets
     * the streams that come before the BlockSync is bound.
     */
    private volatile BlockSync sync;

    public StateRequestHandler() {
        // bound by DS
    }

    /** A handler over {@code sync} (tests). */
    StateRequestHandler(BlockSync sync) {
        this.sync = sync;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindBlockSync(BlockSync s) {
        sync = s;
    }

    void unbindBlockSync(BlockSync s) {
        if (sync == s) {
            sync = null;
        }
    }

    private BlockSync sync() {
        BlockSync s = sync;
        if (s == null) {
            throw new IllegalStateException("StateRequestHandler: not started yet");
        }
        return s;
    }

    @Override
    public void handle(Stream stream) throws Exception {
        BlockSync sync = sync();
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException("CE 129: FIN without a request");
        }
        StateRequest r;
        try {
            r = SyncMessages.decodeStateRequest(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 129: undecodable request: " + e.getMessage(), e);
        }
        stream.readFin();
        Optional<List<KeyValue>> state = sync.chain().importer().state(r.hash());
        if (state.isEmpty()) {
            stream.reset("CE 129: the state of " + r.hash() + " is not kept");
            return;
        }
        Response resp = respond(state.get(), r);
        stream.write(SyncMessages.encodeBoundaryNodes(resp.nodes()));
        stream.write(SyncMessages.encodePairs(resp.pairs()));
        stream.finish();
    }

    /** The boundary nodes and pairs answering {@code r} from {@code state} (sorted by key). */
    static Response respond(List<KeyValue> state, StateRequest r) {
        int n = state.size();
        byte[][] keys = new byte[n][];
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            keys[i] = state.get(i).key().bytes();
            values[i] = state.get(i).value();
        }
        byte[] start = r.start();
        byte[] end = r.end();
        long budget = Math.min(r.maxSize(), MAX_BYTES);
        List<KeyValue> pairs = new ArrayList<>();
        long size = 0;
        byte[] last = null;
        for (int i = 0; i < n; i++) {
            if (Arrays.compareUnsigned(keys[i], start) < 0) {
                continue;
            }
            if (Arrays.compareUnsigned(keys[i], end) > 0) {
                break;
            }
            long item = 31 + compactSize(values[i].length) + values[i].length;
            if (!pairs.isEmpty() && size + item > budget) {
                break;
            }
            pairs.add(state.get(i));
            size += item;
            last = keys[i];
        }
        List<byte[]> targets = last == null ? List.of(start) : List.of(start, last);
        List<byte[]> nodes = new BoundaryNodes(keys, values).paths(targets);
        // the boundary nodes count toward the size: drop pairs from the end while both exceed it (keep one)
        while (pairs.size() > 1 && size + 64L * nodes.size() > budget) {
            KeyValue dropped = pairs.remove(pairs.size() - 1);
            byte[] v = dropped.value();
            size -= 31 + compactSize(v.length) + v.length;
            nodes = new BoundaryNodes(keys, values).paths(List.of(start, pairs.get(pairs.size() - 1).key().bytes()));
        }
        return new Response(nodes, pairs);
    }

    private static int compactSize(long n) {
        int bytes = 1;
        while (bytes < 9 && n >= (1L << (7 * bytes))) {
            bytes++;
        }
        return bytes;
    }

    /** A CE 129 response. */
    record Response(List<byte[]> nodes, List<KeyValue> pairs) {}
}
