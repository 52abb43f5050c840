package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.CatchUp;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUpRequest;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * CE 152, GRANDPA catch-up (spec/grandpa.md §4.4, §5.2): {@code Round Number ++ Set Id} (12 octets), FIN; answered
 * with the votes of our last completed round if it is ahead of the requester's round in the same set, else the
 * stream is reset.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=152",
        StreamHandler.MAX_MESSAGE + ":Integer=" + CatchUpHandler.MAX_BYTES})
public final class CatchUpHandler implements StreamHandler {
    /** Octets of the largest catch-up response accepted (2 x 2 x 1023 signed votes). */
    static final int MAX_BYTES = 8 + 2 * (5 + 2 * 1023 * 164) + 68;

    /**
     * Dynamic: the network binds this handler while it activates, and the voter may need the network; streams that
     * come before the voter is bound are reset.
     */
    private volatile GrandpaVoter voter;

    public CatchUpHandler() {
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
            throw new ProtocolViolationException("CE 152: FIN without a request");
        }
        CatchUpRequest r;
        try {
            r = voter.codec().decodeCatchUpRequest(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 152: undecodable request: " + e.getMessage(), e);
        }
        stream.readFin();
        Optional<CatchUp> cu = voter.catchUpFor(r);
        if (cu.isEmpty()) {
            stream.reset("CE 152: no completed round after round " + r.round() + " of set " + r.setId());
            return;
        }
        stream.write(voter.codec().encode(cu.get()));
        stream.finish();
    }
}
