package io.jamboree.author;

import org.osgi.annotation.versioning.ConsumerType;

/** Registered as an OSGi service, told of every block the {@link Author} authored and imported. */
@ConsumerType
public interface AuthorListener {
    /** Called on the author's thread after the block became the best head; must not block. */
    void authored(AuthoredBlock block);
}
