package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * CE 149, GRANDPA vote (spec/grandpa.md §5.2): {@code Round Number ++ Set Id ++ Signed Message} (177 octets), then
 * FIN. A vote of a non-voter or with a bad signature is a protocol violation.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=149",
        StreamHandler.MAX_MESSAGE + ":Integer=" + VoteMessage.SIZE})
public final class VoteHandler implements StreamHandler {
    /**
     * Dynamic: the network binds this handler while it activates, and the voter may need the network; streams that
     * come before the voter is bound are reset.
     */
    private volatile GrandpaVoter voter;

    public VoteHandler() {
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
            throw new ProtocolViolationException("CE 149: FIN without a vote");
        }
        VoteMessage v;
        try {
            v = voter.codec().decodeVote(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 149: undecodable vote: " + e.getMessage(), e);
        }
        stream.readFin();
        voter.receiveVote(stream.peer(), v);
    }
}
