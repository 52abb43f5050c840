package io.jamboree.rpc.internal;

import io.jamboree.grandpa.FinalityListener;
import io.jamboree.grandpa.FinalizedBlock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hears GRANDPA's finalizations (jam-grandpa's {@link FinalityListener} whiteboard) and passes them to the RPC
 * server ({@link RpcEvents}), whose {@code subscribeFinalizedBlock} subscribers are then notified without waiting for a check.
 */
@Component(service = FinalityListener.class)
public final class FinalityEvents implements FinalityListener {
    private final RpcEvents events;

    @Activate
    public FinalityEvents(@Reference RpcEvents events) {
        this.events = events;
    }

    @Override
    public void finalized(FinalizedBlock block) {
        events.headsChanged();
    }
}
