package io.jamboree.importer.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImportListener;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.BlockImporterFactory;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.StateTransition;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.store.ActiveStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link BlockImporter} service (GP §4.1, Υ) over the node's active store and the {@link StateTransition} service.
 * Configuration PID {@value #PID}: {@code chain} = tiny | full. Every {@link BlockImportListener} service is told of
 * each block imported through it (whiteboard).
 */
@Component(service = BlockImporter.class, configurationPid = BlockImporterComponent.PID)
@Designate(ocd = BlockImporterComponent.Config.class)
public final class BlockImporterComponent implements BlockImporter {
    static final String PID = "io.jamboree.importer";

    @ObjectClassDefinition(name = "Jamboree block importer")
    @interface Config {
        @AttributeDefinition(description = "chain parameters: tiny or full")
        String chain() default "tiny";
    }

    private final ChainParams params;
    private final ActiveStore store;
    private final StateTransition transition;
    private final ImportListeners listeners = new ImportListeners();
    private BlockImporter delegate;

    @Activate
    public BlockImporterComponent(@Reference ActiveStore store, @Reference StateTransition transition, Config config) {
        this.params = ChainParams.byName(config.chain()).orElseThrow(
                () -> new IllegalArgumentException("unknown chain '" + config.chain() + "': use tiny or full"));
        this.store = store;
        this.transition = transition;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(BlockImportListener l) {
        listeners.add(l);
    }

    void unbindListener(BlockImportListener l) {
        listeners.remove(l);
    }

    /** The importer, created on first use: the active store may get its delegate only after activation. */
    private synchronized BlockImporter delegate() {
        if (delegate == null) {
            delegate = new NotifyingImporter(new StoreBlockImporter(params, store, transition,
                    (long) BlockImporterFactory.RETAINED_EPOCHS * params.epochLength()), listeners);
        }
        return delegate;
    }

    @Override
    public ChainParams params() {
        return params;
    }

    @Override
    public Hash initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) {
        return delegate().initialize(header, state, ancestry);
    }

    @Override
    public Hash initialize(Hash headerHash, List<KeyValue> state, List<AncestryItem> ancestry) {
        return delegate().initialize(headerHash, state, ancestry);
    }

    @Override
    public ImportOutcome importBlock(Block block) {
        return delegate().importBlock(block);
    }

    @Override
    public Optional<List<KeyValue>> state(Hash headerHash) {
        return delegate().state(headerHash);
    }

    @Override
    public Optional<Hash> bestHead() {
        return delegate().bestHead();
    }

    @Override
    public Optional<Block> block(Hash headerHash) {
        return delegate().block(headerHash);
    }

    @Override
    public Optional<Header> header(Hash headerHash) {
        return delegate().header(headerHash);
    }

    @Override
    public Optional<Hash> stateRoot(Hash headerHash) {
        return delegate().stateRoot(headerHash);
    }

    @Override
    public List<Hash> leaves() {
        return delegate().leaves();
    }

    @Override
    public int pruneForks(Hash finalized) {
        return delegate().pruneForks(finalized);
    }
}
