package io.jamboree.store.select.internal;

import io.jamboree.store.ActiveStore;
import io.jamboree.store.StoreException;
import io.jamboree.store.Stores;
import io.jamboree.store.Table;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code jam:store} (shows the active store) and {@code jam:store switch KIND}. */
@Component(service = StoreCommand.class,
        property = {"osgi.command.scope=jam", "osgi.command.function=store"})
public final class StoreCommand {
    private static final String USAGE = "usage: store               show the active store and its table sizes\n"
            + "       store switch KIND   copy everything into KIND (memory|lmdb) and make it active";

    @Reference
    private ActiveStore store;

    public String store() {
        try {
            StringBuilder sb = new StringBuilder();
            sb.append("active store: ").append(store.kind())
                    .append(" (available: ").append(String.join(", ", store.availableKinds())).append(")\n");
            for (Map.Entry<Table, Long> e : store.sizes().entrySet()) {
                sb.append(String.format("  %-9s %d%n", e.getKey().storageName(), e.getValue()));
            }
            return sb.toString().stripTrailing();
        } catch (StoreException e) {
            return "store: " + e.getMessage();
        }
    }

    public String store(String sub) {
        return "store: " + (sub.equals("switch") ? "switch needs a kind (memory|lmdb)" : "unknown '" + sub + "'") + "\n" + USAGE;
    }

    public String store(String sub, String kind) {
        if (!sub.equals("switch")) {
            return "store: unknown '" + sub + "'\n" + USAGE;
        }
        try {
            Stores.CopyReport r = store.switchTo(kind);
            return "switched " + r.from() + " -> " + r.to() + ": copied and verified " + r.entries()
                    + " entries in " + r.millis() + " ms\n" + store();
        } catch (StoreException e) {
            return "store: " + e.getMessage();
        }
    }
}
