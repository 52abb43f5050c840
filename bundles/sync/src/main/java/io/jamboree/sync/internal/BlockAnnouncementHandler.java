package io.jamboree.sync.internal;

import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.network.UpStreamPolicy;
import io.jamboree.sync.internal.protocol.Announcement;
import io.jamboree.sync.internal.protocol.BlockRef;
import io.jamboree.sync.internal.protocol.Handshake;
import io.jamboree.sync.internal.protocol.SyncMessages;
import io.jamboree.types.Header;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAMNP-S UP 0, block announcement: each side sends a handshake (latest finalized block and all known leaves), then an
 * announcement (header and finalized block) for every new valid block. Leaves and announced blocks this node lacks go
 * to {@link BlockSync}; blocks this node imports or authors are announced by it on this stream. The network opens the
 * stream on connections this node initiated and hands over the ones peers open; as its {@link UpStreamPolicy} this
 * handler has it opened only where JAMNP-S says (grid neighbours, or a non-validator on either side: {@link
 * GridNeighbours}), and {@link BlockSync} has the network adjust the streams when the epoch changes.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=0",
        StreamHandler.MAX_MESSAGE + ":Integer=" + BlockAnnouncementHandler.MAX_MESSAGE})
public final class BlockAnnouncementHandler implements StreamHandler, UpStreamPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(BlockAnnouncementHandler.class);
    /** The largest handshake or announcement accepted: a header with an epoch marker for 1023 validators fits. */
    static final int MAX_MESSAGE = 1 << 20;

    /**
     * Dynamic: the network binds this handler while it activates, and the BlockSync may need the network; the handler resets
     * the streams that come before the BlockSync is bound.
     */
    private volatile BlockSync sync;

    public BlockAnnouncementHandler() {
        // bound by DS
    }

    /** A handler over {@code sync} (tests). */
    BlockAnnouncementHandler(BlockSync sync) {
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
            throw new IllegalStateException("BlockAnnouncementHandler: not started yet");
        }
        return s;
    }

    @Override
    public boolean opensTo(PeerId peer) {
        BlockSync s = sync;
        return s == null || s.upStreamTo(peer);
    }

    @Override
    public void handle(Stream stream) throws Exception {
        BlockSync sync = sync();
        PeerId peer = stream.peer();
        ChainView chain = sync.chain();
        stream.write(SyncMessages.encode(new Handshake(chain.finalized(), chain.leaves())));
        sync.opened(peer, stream);
        try {
            byte[] m = stream.read();
            if (m == null) {
                return;
            }
            Handshake h;
            try {
                h = SyncMessages.decodeHandshake(m);
            } catch (RuntimeException e) {
                throw new ProtocolViolationException("UP 0: undecodable handshake: " + e.getMessage(), e);
            }
            LOG.info("sync: UP 0 with {}: finalized {} (slot {}), {} leaves", peer, h.finalized().hash(),
                    h.finalized().slot(), h.leaves().size());
            for (BlockRef l : h.leaves()) {
                sync.announced(peer, l.hash(), l.slot(), false);
            }
            while ((m = stream.read()) != null) {
                Announcement a;
                try {
                    a = SyncMessages.decodeAnnouncement(m, sync.params());
                } catch (RuntimeException e) {
                    throw new ProtocolViolationException("UP 0: undecodable announcement: " + e.getMessage(), e);
                }
                Header hd = a.header();
                sync.announced(peer, hd.hash(sync.params()), hd.slot(), true);
            }
        } finally {
            sync.closed(peer, stream);
        }
    }
}
