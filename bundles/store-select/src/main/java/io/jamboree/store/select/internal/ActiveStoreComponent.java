package io.jamboree.store.select.internal;

import io.jamboree.store.ActiveStore;
import io.jamboree.store.NodeStore;
import io.jamboree.store.ReadTxn;
import io.jamboree.store.StoreException;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ActiveStore} service: routes to the NodeStore of the configured kind.
 *
 * <p>Fallback: when the active store's service goes away while the node runs (its plugin jar was removed from
 * {@code deploy/}, or its bundle stopped), everything it holds is copied into the highest-ranked remaining store
 * ({@code service.ranking}; on a tie {@value #DEFAULT_KIND}, then the first kind by name) and that store becomes
 * active, so no data is lost and the node keeps running. The store leaving is still open while its unbind runs
 * (Declarative Services unbinds consumers before it deactivates the provider), so the copy reads it.
 */
@Component(service = ActiveStore.class, configurationPid = ActiveStore.PID, immediate = true)
@Designate(ocd = StoreConfig.class)
public final class ActiveStoreComponent implements ActiveStore {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveStoreComponent.class);

    /** The kind a fallback prefers among equally ranked stores. */
    static final String DEFAULT_KIND = "lmdb";

    private final Map<String, NodeStore> stores = new ConcurrentHashMap<>();
    private final Map<String, Integer> rankings = new ConcurrentHashMap<>();
    private final Object switchLock = new Object();
    /** The configured kind; null until activation (Declarative Services binds the stores there are before it). */
    private volatile String wanted;
    private volatile NodeStore active;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStore(NodeStore store, Map<String, Object> props) {
        stores.put(store.kind(), store);
        rankings.put(store.kind(), props.get("service.ranking") instanceof Integer r ? r : 0);
        synchronized (switchLock) {
            if (active == null && store.kind().equals(wanted)) {
                active = store;
                LOG.info("active store: {}", store.kind());
            }
        }
    }

    void removeStore(NodeStore store) {
        stores.remove(store.kind(), store);
        synchronized (switchLock) {
            if (active == store) {
                active = null;
                if (frameworkStopping()) {
                    LOG.debug("the active store ({}) stopped with the framework", store.kind());
                } else {
                    fallBackFrom(store);
                }
            }
        }
    }

    /** Copies the leaving active store into the fallback store and makes that active. Holds the switch lock. */
    private void fallBackFrom(NodeStore leaving) {
        String kind = null;
        for (String k : new TreeSet<>(stores.keySet())) {
            int r = rankings.getOrDefault(k, 0);
            int best = kind == null ? Integer.MIN_VALUE : rankings.getOrDefault(kind, 0);
            if (r > best || r == best && k.equals(DEFAULT_KIND)) {
                kind = k;
            }
        }
        NodeStore target = kind == null ? null : stores.get(kind);
        if (target == null) {
            LOG.error("the active store ({}) went away and no other store is registered; install a store bundle",
                    leaving.kind());
            return;
        }
        try (WriteTxn hold = leaving.write()) { // blocks writers of the leaving store during the copy
            Stores.CopyReport report = Stores.copy(hold, leaving.kind(), target);
            hold.abort();
            LOG.warn("the active store ({}) went away: copied and verified its {} entries into {} in {} ms; {} is active",
                    leaving.kind(), report.entries(), kind, report.millis(), kind);
        } catch (RuntimeException e) {
            LOG.error("the active store ({}) went away and its data could not be copied into {} ({}); {} is active with its own data",
                    leaving.kind(), kind, e.toString(), kind);
        }
        active = target;
    }

    @Activate
    void activate(StoreConfig config) {
        activate(kindOf(config.kind()));
    }

    /**
     * Selects the kind to use (also used by tests outside OSGi): the store of that kind if it is bound, else none
     * until it comes, whatever stores were bound before (the configuration decides, not the bundles' start order).
     */
    void activate(String kind) {
        synchronized (switchLock) {
            wanted = kind;
            active = stores.get(wanted);
            if (active != null) {
                LOG.info("active store: {}", kind);
            }
        }
    }

    @Modified
    void modified(StoreConfig config) {
        String kind = kindOf(config.kind());
        NodeStore cur = active;
        if (cur != null && cur.kind().equals(kind)) {
            return;
        }
        if (cur != null && stores.containsKey(kind)) {
            switchTo(kind);
        } else {
            synchronized (switchLock) {
                wanted = kind;
                if (active == null) {
                    active = stores.get(kind);
                }
            }
        }
    }

    private static String kindOf(String kind) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return k.isEmpty() ? "lmdb" : k;
    }

    private NodeStore delegate() {
        NodeStore s = active;
        if (s == null) {
            throw new StoreException("the configured store kind '" + wanted + "' is not available (available: "
                    + availableKinds() + "); install its bundle or set kind in " + PID);
        }
        return s;
    }

    @Override
    public String kind() {
        return delegate().kind();
    }

    @Override
    public ReadTxn read() {
        return delegate().read();
    }

    @Override
    public WriteTxn write() {
        while (true) {
            NodeStore s = delegate();
            WriteTxn w = s.write();
            if (active == s) {
                return w;
            }
            w.abort(); // switched while we waited: write to the new store
        }
    }

    /** The active store is owned by its bundle; closing the router does nothing. */
    @Override
    public void close() {}

    @Override
    public Set<String> availableKinds() {
        return new TreeSet<>(stores.keySet());
    }

    @Override
    public Map<Table, Long> sizes() {
        Map<Table, Long> out = new EnumMap<>(Table.class);
        try (ReadTxn r = read()) {
            for (Table t : Table.values()) {
                out.put(t, r.count(t));
            }
        }
        return out;
    }

    @Override
    public Stores.CopyReport switchTo(String kind) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        synchronized (switchLock) {
            NodeStore cur = delegate();
            if (cur.kind().equals(k)) {
                throw new StoreException("store '" + k + "' is already active");
            }
            NodeStore target = stores.get(k);
            if (target == null) {
                throw new StoreException("no store of kind '" + kind + "' is available (available: "
                        + availableKinds() + ")");
            }
            try (WriteTxn hold = cur.write()) { // blocks writers of the old store during the copy
                Stores.CopyReport report = Stores.copy(hold, cur.kind(), target);
                active = target;
                wanted = k;
                hold.abort();
                LOG.info("switched store {} -> {}: {} entries in {} ms", cur.kind(), k, report.entries(), report.millis());
                return report;
            }
        }
    }

    /** Whether the whole framework is shutting down (then stores leaving is expected, not a fault). */
    private static boolean frameworkStopping() {
        org.osgi.framework.Bundle own = org.osgi.framework.FrameworkUtil.getBundle(ActiveStoreComponent.class);
        return own == null || own.getBundleContext() == null
                || own.getBundleContext().getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
    }
}
