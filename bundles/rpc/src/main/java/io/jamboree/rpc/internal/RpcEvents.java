package io.jamboree.rpc.internal;

import io.jamboree.author.AuthoredBlock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;

/**
 * Where the node's events meet the RPC servers of this bundle: {@link ImportEvents}, {@link FinalityEvents} and
 * {@link AuthorEvents} hear the importer, GRANDPA and the author and post here; each {@link RpcServerComponent}
 * registers itself while it runs. A component with no references of its own: the event feeders and the server both
 * reference it, never each other, so activating the server (which needs the importer, whose listeners are the
 * feeders) makes no reference cycle (Felix SCR logged "Circular reference detected" when the feeders referenced the
 * server's own service).
 */
@Component(service = RpcEvents.class)
public final class RpcEvents {
    private final List<HeadEvents> servers = new CopyOnWriteArrayList<>();

    void register(HeadEvents server) {
        servers.add(server);
    }

    void unregister(HeadEvents server) {
        servers.remove(server);
    }

    /** The best or finalized head may have moved. */
    void headsChanged() {
        for (HeadEvents e : servers) {
            e.headsChanged();
        }
    }

    /** The node authored {@code block}. */
    void authored(AuthoredBlock block) {
        for (HeadEvents e : servers) {
            e.authored(block);
        }
    }
}
