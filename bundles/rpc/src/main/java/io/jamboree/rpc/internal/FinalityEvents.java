package io.jamboree.rpc.internal;

import io.jamboree.grandpa.FinalityListener;
import io.jamboree.grandpa.FinalizedBlock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Hears GRANDPA's finalizations (jam-grandpa's {@link FinalityListener} whiteboard) and passes them to the RPC
 * server, whose {@code subscribeFinalizedBlock} subscribers are then notified without waiting for a check.
 */
@Component(service = FinalityListener.class)
public final class FinalityEvents implements FinalityListener {
    private final List<HeadEvents> servers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    void bind(HeadEvents e) {
        servers.add(e);
    }

    void unbind(HeadEvents e) {
        servers.remove(e);
    }

    @Override
    public void finalized(FinalizedBlock block) {
        for (HeadEvents e : servers) {
            e.headsChanged();
        }
    }
}
