package io.jamboree.sample.journal;

import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.WriteTxn;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample store plugin as a service, {@code store.kind=journal}: a {@link JournalStore} in
 * {@code ${jamboree.data}/journal/journal.bin} (configuration PID {@value #PID}, {@code path} to change it).
 * Select it with {@code jam:store switch journal} in the shell or {@code --store journal} on the command line.
 */
@Component(service = NodeStore.class, property = NodeStore.KIND_PROPERTY + "=" + JournalStore.KIND,
        configurationPid = JournalStoreComponent.PID, immediate = true)
@Designate(ocd = JournalStoreComponent.Config.class)
public final class JournalStoreComponent implements NodeStore {
    static final String PID = "io.jamboree.sample.journal";
    private static final Logger LOG = LoggerFactory.getLogger(JournalStoreComponent.class);

    @ObjectClassDefinition(name = "Jamboree journal store (sample plugin)")
    public @interface Config {
        @AttributeDefinition(required = false, description = "The journal file; empty: ${jamboree.data}/journal/journal.bin.")
        String path() default "";
    }

    private final JournalStore store;

    @Activate
    public JournalStoreComponent(BundleContext context, Config config) throws IOException {
        Path file;
        if (config.path().isBlank()) {
            String data = context.getProperty("jamboree.data");
            file = Path.of(data == null ? "data" : data, "journal", "journal.bin");
        } else {
            file = Path.of(config.path());
        }
        store = JournalStore.open(file);
        LOG.info("journal store open: {} ({} commits replayed)", file, store.journal().commits());
    }

    @Override
    public String kind() {
        return store.kind();
    }

    @Override
    public ReadTxn read() {
        return store.read();
    }

    @Override
    public WriteTxn write() {
        return store.write();
    }

    @Override
    public void close() {
        // owned by the component: closed on deactivation only
    }

    @Deactivate
    void deactivate() {
        LOG.info("journal store closes: {} commits, {} bytes in {}", store.journal().commits(), store.journal().size(),
                store.journal().file());
        store.close();
    }
}
