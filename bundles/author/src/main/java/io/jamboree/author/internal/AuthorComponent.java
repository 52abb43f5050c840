package io.jamboree.author.internal;

import io.jamboree.author.Author;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.AuthorListener;
import io.jamboree.author.SlotOutcome;
import io.jamboree.importer.BlockImporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link Author} service over the node's {@link BlockImporter}. Configuration PID {@value #PID}:
 * {@code validators} = the JIP-5 dev validators whose keys this node holds ({@code I}, {@code I-J}, lists).
 * Authored blocks go to every {@link AuthorListener} service.
 */
@Component(service = Author.class, configurationPid = AuthorComponent.PID)
@Designate(ocd = AuthorComponent.Config.class)
public final class AuthorComponent implements Author {
    static final String PID = "io.jamboree.author";

    @ObjectClassDefinition(name = "Jamboree Safrole author")
    @interface Config {
        @AttributeDefinition(description = "JIP-5 dev validators whose keys this node holds: I, I-J or a list (e.g. 0-5)")
        String validators() default "";
    }

    private final NodeAuthor author;
    private final List<AuthorListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public AuthorComponent(@Reference BlockImporter importer, Config config) {
        this.author = new NodeAuthor(importer, DevValidators.keys(config.validators()), this::tell);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(AuthorListener l) {
        listeners.add(l);
    }

    void removeListener(AuthorListener l) {
        listeners.remove(l);
    }

    private void tell(AuthoredBlock b) {
        for (AuthorListener l : listeners) {
            l.authored(b);
        }
    }

    @Override
    public List<Integer> validators() {
        return author.validators();
    }

    @Override
    public SlotOutcome authorSlot(long slot) {
        return author.authorSlot(slot);
    }
}
