package io.jamboree.stf.state;

import io.jamboree.accumulate.ServiceState;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.ServiceInfo;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The service accounts δ (GP §9) of a {@link ChainState}, read through their serialized items (GP D.1):
 * account info under C(255, s), storage/preimage/request items under C(s, ·).
 */
public final class ServiceAccounts implements ServiceState {
    private final NavigableMap<StateKey, byte[]> items;
    private final ChainParams params;

    public ServiceAccounts(NavigableMap<StateKey, byte[]> items, ChainParams params) {
        this.items = items;
        this.params = params;
    }

    @Override
    public Optional<ServiceInfo> info(long serviceId) {
        byte[] v = items.get(StateKey.serviceAccount(serviceId));
        if (v == null) {
            return Optional.empty();
        }
        Decoder d = new Decoder(v);
        ServiceInfo info = ServiceInfo.decode(d, params);
        d.expectEnd();
        return Optional.of(info);
    }

    @Override
    public Optional<byte[]> item(StateKey key) {
        byte[] v = items.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void forEachItem(long serviceId, BiConsumer<StateKey, byte[]> action) {
        for (Map.Entry<StateKey, byte[]> e : items.entrySet()) {
            byte[] k = e.getKey().bytes();
            if (isAccountKey(k)) {
                continue;
            }
            long s = (k[0] & 0xFFL) | (k[2] & 0xFFL) << 8 | (k[4] & 0xFFL) << 16 | (k[6] & 0xFFL) << 24;
            if (s == serviceId) {
                action.accept(e.getKey(), e.getValue().clone());
            }
        }
    }

    /** Whether {@code k} has the shape of C(255, s) (GP D.1): chapter 255, then E_4(s) interleaved with zeros. */
    public static boolean isAccountKey(byte[] k) {
        if ((k[0] & 0xFF) != 255 || k[2] != 0 || k[4] != 0 || k[6] != 0) {
            return false;
        }
        for (int i = 8; i < k.length; i++) {
            if (k[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
