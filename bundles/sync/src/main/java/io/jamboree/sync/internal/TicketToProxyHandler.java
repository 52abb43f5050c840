package io.jamboree.sync.internal;

import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** JAMNP-S CE 131: a ticket from its generating validator to this node as its proxy ({@link TicketRelay}). */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=131",
        StreamHandler.MAX_MESSAGE + ":Integer=1024"})
public final class TicketToProxyHandler implements StreamHandler {
    private final TicketRelay relay;

    @Activate
    public TicketToProxyHandler(@Reference TicketRelay relay) {
        this.relay = relay;
    }

    @Override
    public void handle(Stream stream) throws Exception {
        TicketHandlers.serve(stream, relay);
    }
}
