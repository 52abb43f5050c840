package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * CE 150, GRANDPA commit (spec/grandpa.md §5.2): {@code Round Number ++ Set Id ++ Commit}, then FIN. At most
 * 2V precommits (the codec's limit); an invalid commit is a protocol violation.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=150",
        StreamHandler.MAX_MESSAGE + ":Integer=" + CommitHandler.MAX_BYTES})
public final class CommitHandler implements StreamHandler {
    /** Octets of the largest commit message accepted: 2 x 1023 signed precommits and the rest. */
    static final int MAX_BYTES = 12 + 68 + 5 + 2 * 1023 * 164;

    /**
     * Dynamic: the network binds this handler while it activates, and the voter may need the network; streams that
     * come before the voter is bound are reset.
     */
    private volatile GrandpaVoter voter;

    public CommitHandler() {
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
            throw new ProtocolViolationException("CE 150: FIN without a commit");
        }
        CommitMessage c;
        try {
            c = voter.codec().decodeCommit(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 150: undecodable commit: " + e.getMessage(), e);
        }
        stream.readFin();
        voter.receiveCommit(stream.peer(), c);
    }
}
