package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncRequest;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * CE 153, warp sync (spec/grandpa.md §4.5, §5.2): {@code Set Id}, FIN; answered with {@code len++[Warp Sync
 * Fragment]}: for each set from the given one, the set-change block it finalized and its justification, at most
 * 32 fragments.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=153",
        StreamHandler.MAX_MESSAGE + ":Integer=" + WarpSyncHandler.MAX_BYTES})
public final class WarpSyncHandler implements StreamHandler {
    /** Octets of the largest response accepted. */
    static final int MAX_BYTES = 32 << 20;

    /**
     * Dynamic: the network binds this handler while it activates, and the voter may need the network; streams that
     * come before the voter is bound are reset.
     */
    private volatile GrandpaVoter voter;

    public WarpSyncHandler() {
        // bound by DS
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindVoter(GrandpaVoter v) {
        voter = v;
    }

    void unbindVoter(GrandpaVoter v) {
        if (voter == v) {
            voter = null;
        }
    }

    @Override
    public void handle(Stream stream) throws Exception {
        GrandpaVoter voter = this.voter;
        if (voter == null) {
            stream.reset("GRANDPA is not running yet");
            return;
        }
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException("CE 153: FIN without a request");
        }
        WarpSyncRequest r;
        try {
            r = voter.codec().decodeWarpSyncRequest(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 153: undecodable request: " + e.getMessage(), e);
        }
        stream.readFin();
        stream.write(voter.codec().encodeFragments(voter.fragments(r.setId())));
        stream.finish();
    }
}
