package io.jamboree.sync.internal;

import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** JAMNP-S CE 131: a ticket from its generating validator to this node as its proxy ({@link TicketRelay}). */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=131",
        StreamHandler.MAX_MESSAGE + ":Integer=1024"})
public final class TicketToProxyHandler implements StreamHandler {
    /**
     * Dynamic: the network binds this handler while it activates, and the TicketRelay may need the network; the handler resets
     * the streams that come before the TicketRelay is bound.
     */
    private volatile TicketRelay relay;

    public TicketToProxyHandler() {
        // bound by DS
    }

    /** A handler over {@code relay} (tests). */
    TicketToProxyHandler(TicketRelay relay) {
        this.relay = relay;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindTicketRelay(TicketRelay s) {
        relay = s;
    }

    void unbindTicketRelay(TicketRelay s) {
        if (relay == s) {
            relay = null;
        }
    }

    private TicketRelay relay() {
        TicketRelay s = relay;
        if (s == null) {
            throw new IllegalStateException("TicketToProxyHandler: not started yet");
        }
        return s;
    }

    @Override
    public void handle(Stream stream) throws Exception {
        TicketRelay relay = relay();
        TicketHandlers.serve(stream, relay);
    }
}
