package io.jamboree.sync.internal;

import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.sync.internal.protocol.BlockRequest;
import io.jamboree.sync.internal.protocol.SyncMessages;
import io.jamboree.types.Block;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * JAMNP-S CE 128, block request, the responding side: {@code Header Hash ++ Direction ++ Maximum Blocks}, then FIN;
 * the answer is the blocks (ascending exclusive: children of the given block along a chain this node holds;
 * descending inclusive: the block and its ancestors), at most the maximum and at most {@value #MAX_BLOCKS} or
 * {@value #MAX_BYTES} bytes. An unknown block is answered with the stream reset.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=128",
        StreamHandler.MAX_MESSAGE + ":Integer=" + BlockRequestHandler.MAX_BYTES})
public final class BlockRequestHandler implements StreamHandler {
    /** The most blocks sent in one response. */
    static final int MAX_BLOCKS = 1024;
    /** The most bytes of a response (and the largest response this node accepts). */
    static final int MAX_BYTES = 32 << 20;

    /**
     * Dynamic: the network binds this handler while it activates, and the BlockSync may need the network; the handler resets
     * the streams that come before the BlockSync is bound.
     */
    private volatile BlockSync sync;

    public BlockRequestHandler() {
        // bound by DS
    }

    /** A handler over {@code sync} (tests). */
    BlockRequestHandler(BlockSync sync) {
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
            throw new IllegalStateException("BlockRequestHandler: not started yet");
        }
        return s;
    }

    @Override
    public void handle(Stream stream) throws Exception {
        BlockSync sync = sync();
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException("CE 128: FIN without a request");
        }
        BlockRequest r;
        try {
            r = SyncMessages.decodeBlockRequest(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 128: undecodable request: " + e.getMessage(), e);
        }
        stream.readFin();
        int max = (int) Math.min(r.maxBlocks(), MAX_BLOCKS);
        ChainView chain = sync.chain();
        List<Block> blocks = r.direction() == BlockRequest.Direction.DESCENDING_INCLUSIVE
                ? chain.descending(r.hash(), max) : chain.ascending(r.hash(), max);
        if (blocks.isEmpty() && !chain.knows(r.hash())) {
            stream.reset("CE 128: unknown block " + r.hash());
            return;
        }
        byte[] out = SyncMessages.encodeBlocks(blocks, sync.params());
        while (out.length > MAX_BYTES && blocks.size() > 1) {
            blocks = blocks.subList(0, blocks.size() / 2);
            out = SyncMessages.encodeBlocks(blocks, sync.params());
        }
        stream.write(out);
        stream.finish();
    }
}
