package io.jamboree.network.internal;

import io.jamboree.network.PeerInfo;
import io.jamboree.network.PeerListener;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * Whiteboard services (stream handlers, peer listeners) taken from the registry only when the network first calls
 * them, on a network thread, instead of while Declarative Services binds them to the network component. Binding the
 * objects themselves makes SCR create every handler (and what each handler references: the sync, the importer, the
 * author, GRANDPA's voter) inside the network's activation, on the Config Admin thread that configured the network,
 * while the launcher's thread may be creating the same components from the other end: the two wait for each other
 * (seen on a node restarted over its store). Deferring the lookup removes the network from those chains.
 */
final class LazyWhiteboard {
    private LazyWhiteboard() {}

    /** A lazily obtained service; {@link #release} gives it back. */
    abstract static class Lazy<S> {
        private final ComponentServiceObjects<S> objects;
        private S service;

        Lazy(ComponentServiceObjects<S> objects) {
            this.objects = objects;
        }

        final synchronized S service() {
            if (service == null) {
                service = objects.getService();
                if (service == null) {
                    throw new IllegalStateException("the service is gone: " + objects.getServiceReference());
                }
            }
            return service;
        }

        final synchronized void release() {
            S s = service;
            service = null;
            if (s != null) {
                try {
                    objects.ungetService(s);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the providing bundle or this component is already stopping: nothing to give back
                }
            }
        }

        @Override
        public String toString() {
            return "lazy " + objects.getServiceReference();
        }
    }

    /** A {@link StreamHandler} obtained at its first stream. */
    static final class Handler extends Lazy<StreamHandler> implements StreamHandler {
        Handler(ComponentServiceObjects<StreamHandler> objects) {
            super(objects);
        }

        @Override
        public void handle(Stream stream) throws Exception {
            service().handle(stream);
        }
    }

    /** A {@link PeerListener} obtained at its first event. */
    static final class Listener extends Lazy<PeerListener> implements PeerListener {
        Listener(ComponentServiceObjects<PeerListener> objects) {
            super(objects);
        }

        @Override
        public void connected(PeerInfo peer) {
            service().connected(peer);
        }

        @Override
        public void disconnected(PeerInfo peer, String reason) {
            service().disconnected(peer, reason);
        }
    }
}
