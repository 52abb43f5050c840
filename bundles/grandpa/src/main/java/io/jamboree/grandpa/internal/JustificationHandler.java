package io.jamboree.grandpa.internal;

import io.jamboree.grandpa.internal.protocol.Messages.JustificationRequest;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * CE 130, justification request (spec/grandpa.md §5.2): {@code Header Hash}, FIN; answered with the stored
 * {@code Grandpa Justification} of the block, or the stream reset when there is none.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=130",
        StreamHandler.MAX_MESSAGE + ":Integer=" + JustificationHandler.MAX_BYTES})
public final class JustificationHandler implements StreamHandler {
    /** Octets of the largest justification accepted. */
    static final int MAX_BYTES = 4 << 20;

    /**
     * Dynamic: the network binds this handler while it activates, and the voter may need the network; streams that
     * come before the voter is bound are reset.
     */
    private volatile GrandpaVoter voter;

    public JustificationHandler() {
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
            throw new ProtocolViolationException("CE 130: FIN without a request");
        }
        JustificationRequest r;
        try {
            r = voter.codec().decodeJustificationRequest(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 130: undecodable request: " + e.getMessage(), e);
        }
        stream.readFin();
        Optional<byte[]> j = voter.store().justification(r.block());
        if (j.isEmpty()) {
            stream.reset("CE 130: no justification for " + r.block());
            return;
        }
        stream.write(j.get());
        stream.finish();
    }
}
