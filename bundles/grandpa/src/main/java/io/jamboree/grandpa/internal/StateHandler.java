package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * CE 151, GRANDPA state (spec/grandpa.md §5.2): {@code Round Number ++ Set Id ++ Slot} (16 octets), then FIN: the
 * round the sender plays and the slot of its latest finalized block. A peer 2 rounds ahead is asked for a catch-up;
 * a peer behind on finality gets our latest commit.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=151",
        StreamHandler.MAX_MESSAGE + ":Integer=" + StateMessage.SIZE})
public final class StateHandler implements StreamHandler {
    private final GrandpaVoter voter;

    @Activate
    public StateHandler(@Reference GrandpaVoter voter) {
        this.voter = voter;
    }

    @Override
    public void handle(Stream stream) throws Exception {
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
