package io.jamboree.store.lmdb;

import io.jamboree.store.ActiveStore;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.WriteTxn;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LMDB NodeStore as a service (store.kind=lmdb), configured by PID io.jamboree.store
 * (path, mapSizeGiB).
 */
@Component(service = NodeStore.class, property = NodeStore.KIND_PROPERTY + "=lmdb",
        configurationPid = ActiveStore.PID, immediate = true)
public final class LmdbStoreComponent implements NodeStore {
    private static final Logger LOG = LoggerFactory.getLogger(LmdbStoreComponent.class);

    private volatile LmdbNodeStore store;
    private Path dir;
    private int mapSizeGiB;

    @Activate
    void activate(LmdbConfig config, BundleContext context) {
        dir = folder(config, context);
        mapSizeGiB = config.mapSizeGiB();
        store = LmdbNodeStore.open(dir, mapSizeGiB);
        LOG.info("LMDB store open in {} (map {} GiB)", store.dir(), mapSizeGiB);
    }

    /**
     * The PID also carries {@code kind}, which the ActiveStore handles: changing it must not reopen
     * LMDB. Only a new path or map size reopens the environment.
     */
    @Modified
    void modified(LmdbConfig config, BundleContext context) {
        Path newDir = folder(config, context);
        if (newDir.equals(dir) && config.mapSizeGiB() == mapSizeGiB) {
            return;
        }
        LmdbNodeStore old = store;
        if (newDir.equals(dir)) {
            old.close(); // LMDB must not open one environment twice in a process
        }
        LmdbNodeStore next = LmdbNodeStore.open(newDir, config.mapSizeGiB());
        store = next;
        dir = newDir;
        mapSizeGiB = config.mapSizeGiB();
        old.close();
        LOG.info("LMDB store reopened in {} (map {} GiB)", next.dir(), mapSizeGiB);
    }

    private static Path folder(LmdbConfig config, BundleContext context) {
        Path dir;
        if (config.path() != null && !config.path().isBlank()) {
            dir = Path.of(config.path().trim());
        } else {
            String data = context.getProperty("jamboree.data");
            if (data == null || data.isBlank()) {
                throw new StoreException("no LMDB folder: set path in io.jamboree.store or the framework property jamboree.data");
            }
            dir = Path.of(data, "lmdb");
        }
        return dir.toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public String kind() {
        return "lmdb";
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
}
