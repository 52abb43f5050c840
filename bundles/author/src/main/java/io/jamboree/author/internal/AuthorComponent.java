package io.jamboree.author.internal;

import io.jamboree.author.Author;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.AuthorListener;
import io.jamboree.author.ContestTickets;
import io.jamboree.author.SlotOutcome;
import io.jamboree.importer.BestChain;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link Author} service over the node's {@link BlockImporter}, signing with the Bandersnatch keys of every
 * validator the {@link Keystore} holds (PID {@code io.jamboree.keystore}: dev validators and key files). Authored
 * blocks go to every {@link AuthorListener} service. Blocks are filled from the node's
 * {@link io.jamboree.author.pool.ExtrinsicPool} ({@link PendingExtrinsics}), which our own tickets join. Blocks are
 * built on the head of the GP §19 best chain ({@link BestChain}) when the node runs GRANDPA, else on the importer's.
 */
@Component(service = Author.class)
public final class AuthorComponent implements Author {
    private final NodeAuthor author;
    private final List<AuthorListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public AuthorComponent(@Reference BlockImporter importer, @Reference Keystore keystore,
            @Reference PendingExtrinsics extrinsics) {
        List<LocalKey> keys = new ArrayList<>();
        for (ValidatorSecrets v : keystore.validators()) {
            keys.add(LocalKey.of(v));
        }
        this.author = new NodeAuthor(importer, keys, this::tell, extrinsics);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(AuthorListener l) {
        listeners.add(l);
    }

    void removeListener(AuthorListener l) {
        listeners.remove(l);
    }

    /** With GRANDPA running, blocks are built on the head of its best chain (GP §19). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindBestChain(BestChain b) {
        author.parentChoice(b::bestHead);
    }

    void unbindBestChain(BestChain b) {
        author.parentChoice(null);
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

    @Override
    public ContestTickets ownTickets() {
        return author.ownTickets();
    }
}
