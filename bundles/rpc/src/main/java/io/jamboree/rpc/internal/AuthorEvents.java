package io.jamboree.rpc.internal;

import io.jamboree.author.AuthorListener;
import io.jamboree.author.AuthoredBlock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hears the blocks the node authors (jam-author's {@link AuthorListener} whiteboard) and posts them to
 * {@link RpcEvents}, for the dashboard's authoring times.
 */
@Component(service = AuthorListener.class)
public final class AuthorEvents implements AuthorListener {
    private final RpcEvents events;

    @Activate
    public AuthorEvents(@Reference RpcEvents events) {
        this.events = events;
    }

    @Override
    public void authored(AuthoredBlock block) {
        events.authored(block);
    }
}
