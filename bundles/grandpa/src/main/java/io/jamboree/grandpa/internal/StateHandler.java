package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * CE 151, GRANDPA state (spec/grandpa.md §5.2): {@code Round Number ++ Set Id ++ Slot} (16 octets), then FIN: the
 * round the sender plays and the slot of its latest finalized block. A peer 2 rounds ahead is asked for a catch-up;
 * a peer behind on finality gets our latest commit.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=151",
        StreamHandler.MAX_MESSAGE + ":Integer=" + StateMessage.SIZE})
public final class StateHandler implements StreamHandler {
    /**
     * Dynamic: the network binds this handler while it activates, and the voter may need the network; streams that
     * come before the voter is bound are reset.
     */
    private volatile GrandpaVoter voter;

    public StateHandler() {
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
            throw new ProtocolViolationException("CE 151: FIN without a state message");
        }
        StateMessage s;
        try {
            s = voter.codec().decodeState(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 151: undecodable state: " + e.getMessage(), e);
        }
        stream.readFin();
        voter.receiveState(stream.peer(), s);
    }
}
