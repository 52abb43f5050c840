package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.ServiceState;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.ServiceInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The service accounts δ as seen during accumulation (GP 0.7.2 §12.2, the d component of the partial
 * state): a parent view (the prior state or an enclosing overlay) plus this layer's changes. Account
 * infos are kept decoded, items (storage, preimages, requests) by state key; a null value records a
 * removal. An account removed here also hides every item its parent holds for it. Never writes to
 * its parent: changes are merged explicitly.
 */
final class ServiceAccounts {
    private final ServiceState base;
    private final ServiceAccounts parent;
    private final HashMap<Long, ServiceInfo> infos;
    private final HashMap<StateKey, byte[]> items;
    private final HashSet<Long> cleared;

    private ServiceAccounts(ServiceState base, ServiceAccounts parent, HashMap<Long, ServiceInfo> infos,
            HashMap<StateKey, byte[]> items, HashSet<Long> cleared) {
        this.base = base;
        this.parent = parent;
        this.infos = infos;
        this.items = items;
        this.cleared = cleared;
    }

    /** An overlay over the prior state, with no changes. */
    static ServiceAccounts over(ServiceState base) {
        return new ServiceAccounts(base, null, new HashMap<>(), new HashMap<>(), new HashSet<>());
    }

    /** A new empty overlay on top of this one. */
    ServiceAccounts child() {
        return new ServiceAccounts(base, this, new HashMap<>(), new HashMap<>(), new HashSet<>());
    }

    /** An independent copy of this layer's changes over the same parent (the checkpoint copy). */
    ServiceAccounts copy() {
        return new ServiceAccounts(base, parent, new HashMap<>(infos), new HashMap<>(items), new HashSet<>(cleared));
    }

    /** The account info of {@code id}, or null if there is no such account. */
    ServiceInfo info(long id) {
        if (infos.containsKey(id)) return infos.get(id);
        if (parent != null) return parent.info(id);
        return base.info(id).orElse(null);
    }

    /** Whether account {@code id} exists. */
    boolean exists(long id) {
        return info(id) != null;
    }

    /** The value of an item, or null. The array must not be modified. */
    byte[] item(StateKey key) {
        if (items.containsKey(key)) return items.get(key);
        if (!cleared.isEmpty() && cleared.contains(serviceOf(key))) return null;
        if (parent != null) return parent.item(key);
        return base.item(key).orElse(null);
    }

    void putInfo(long id, ServiceInfo info) {
        infos.put(id, info);
    }

    void putItem(StateKey key, byte[] value) {
        items.put(key, value);
    }

    void removeItem(StateKey key) {
        items.put(key, null);
    }

    /** Removes account {@code id} with all of its items. */
    void removeAccount(long id) {
        infos.put(id, null);
        cleared.add(id);
        items.keySet().removeIf(k -> serviceOf(k) == id);
    }

    /** This layer's account changes (null = removed). */
    Map<Long, ServiceInfo> changedInfos() {
        return infos;
    }

    /** This layer's item changes (null = removed). */
    Map<StateKey, byte[]> changedItems() {
        return items;
    }

    /** Accounts removed in this layer. */
    Set<Long> removedAccounts() {
        return cleared;
    }

    ServiceState base() {
        return base;
    }

    /** The service s of a key C(s, h) (GP D.1: E_4(s) interleaved at octets 0, 2, 4, 6). */
    static long serviceOf(StateKey key) {
        byte[] b = key.bytes();
        return (b[0] & 0xFFL) | (b[2] & 0xFFL) << 8 | (b[4] & 0xFFL) << 16 | (b[6] & 0xFFL) << 24;
    }
}
