package io.jamboree.stf.state;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.merkle.StateTrie;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.Hash;
import io.jamboree.types.LastAccumulationOutputs;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.SafroleState;
import io.jamboree.types.Statistics;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * State serialization T(σ) (GP 0.7.2 Appendix D.1, eq. D.2): the typed components under C(1)..C(16) and the
 * service items, both ways. Components are decoded with the jam-core codecs and must consume their value
 * exactly; every other key is a service item and is kept as raw octets.
 */
public final class StateCodec {

    /** Component indices of GP D.1 in chapter order, for messages. */
    public static final String[] NAMES = {
        "", "alpha (C1 auth pools)", "phi (C2 auth queues)", "beta (C3 recent blocks)", "gamma (C4 safrole)",
        "psi (C5 disputes)", "eta (C6 entropy)", "iota (C7 staging keys)", "kappa (C8 active keys)",
        "lambda (C9 previous keys)", "rho (C10 pending reports)", "tau (C11 timeslot)", "chi (C12 privileges)",
        "pi (C13 statistics)", "omega (C14 ready queue)", "xi (C15 accumulated)", "theta (C16 last outputs)"
    };

    private StateCodec() {}

    /**
     * A serialized state that cannot be used as a prior state: a component is missing or does not decode. Such a
     * state may still be stored (as {@code initialize} was given it); a block on top of it is rejected.
     */
    public static final class UnusableStateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableStateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The state-component index 1..16 of {@code key}, or 0 for a service key. */
    public static int componentOf(StateKey key) {
        byte[] k = key.bytes();
        int c = k[0] & 0xFF;
        if (c < 1 || c > 16) {
            return 0;
        }
        for (int i = 1; i < k.length; i++) {
            if (k[i] != 0) {
                return 0;
            }
        }
        return c;
    }

    /** A human name for a state key, for difference reports. */
    public static String describe(StateKey key) {
        int c = componentOf(key);
        if (c != 0) {
            return NAMES[c];
        }
        byte[] k = key.bytes();
        if ((k[0] & 0xFF) == 255 && k[2] == 0 && k[4] == 0 && k[6] == 0 && allZero(k, 8)) {
            long s = (k[1] & 0xFFL) | (k[3] & 0xFFL) << 8 | (k[5] & 0xFFL) << 16 | (k[7] & 0xFFL) << 24;
            return "service " + s + " account info C(255," + s + ")";
        }
        long s = (k[0] & 0xFFL) | (k[2] & 0xFFL) << 8 | (k[4] & 0xFFL) << 16 | (k[6] & 0xFFL) << 24;
        return "service " + s + " item " + key;
    }

    private static boolean allZero(byte[] k, int from) {
        for (int i = from; i < k.length; i++) {
            if (k[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes a serialized state.
     *
     * @throws UnusableStateException naming the component when one is missing or does not decode exactly
     */
    public static ChainState decode(Map<StateKey, byte[]> kv, ChainParams p) {
        byte[][] comp = new byte[17][];
        NavigableMap<StateKey, byte[]> services = new TreeMap<>();
        for (Map.Entry<StateKey, byte[]> e : kv.entrySet()) {
            int c = componentOf(e.getKey());
            if (c == 0) {
                services.put(e.getKey(), e.getValue());
            } else {
                comp[c] = e.getValue();
            }
        }
        for (int c = 1; c <= 16; c++) {
            if (comp[c] == null) {
                throw new UnusableStateException("state has no " + NAMES[c], null);
            }
        }
        return new ChainState(
                read(comp, 1, p, d -> AuthPools.decode(d, p)),
                read(comp, 2, p, d -> AuthQueues.decode(d, p)),
                read(comp, 3, p, d -> RecentBlocks.decode(d, p)),
                read(comp, 4, p, d -> SafroleState.decode(d, p)),
                read(comp, 5, p, d -> DisputesRecords.decode(d, p)),
                read(comp, 6, p, d -> EntropyBuffer.decode(d, p)),
                read(comp, 7, p, d -> ValidatorKeys.decode(d, p)),
                read(comp, 8, p, d -> ValidatorKeys.decode(d, p)),
                read(comp, 9, p, d -> ValidatorKeys.decode(d, p)),
                read(comp, 10, p, d -> AvailabilityAssignments.decode(d, p)),
                read(comp, 11, p, Decoder::u32),
                read(comp, 12, p, d -> Privileges.decode(d, p)),
                read(comp, 13, p, d -> Statistics.decode(d, p)),
                read(comp, 14, p, d -> ReadyQueue.decode(d, p)),
                read(comp, 15, p, d -> AccumulatedQueue.decode(d, p)),
                read(comp, 16, p, d -> LastAccumulationOutputs.decode(d, p)),
                services);
    }

    /** Decodes a list of key/values (later duplicates win). */
    public static ChainState decode(List<KeyValue> kvs, ChainParams p) {
        return decode(toMap(kvs), p);
    }

    public static NavigableMap<StateKey, byte[]> toMap(List<KeyValue> kvs) {
        NavigableMap<StateKey, byte[]> m = new TreeMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.key(), kv.value());
        }
        return m;
    }

    /**
     * The key/values as a map; a key given twice is refused, as T(σ) is a dictionary (GP D.1) and "which value"
     * would be a guess.
     *
     * @throws IllegalArgumentException naming the first key given twice
     */
    public static NavigableMap<StateKey, byte[]> toMapUnique(List<KeyValue> kvs) {
        NavigableMap<StateKey, byte[]> m = new TreeMap<>();
        for (int i = 0; i < kvs.size(); i++) {
            KeyValue kv = kvs.get(i);
            if (m.put(kv.key(), kv.value()) != null) {
                throw new IllegalArgumentException("the state has the key " + kv.key() + " (" + describe(kv.key())
                        + ") more than once (again at entry " + i + ")");
            }
        }
        return m;
    }

    /** τ (C11, E_4) of a serialized state, or 0 when it is absent or not 4 octets. */
    public static long tau(Map<StateKey, byte[]> kv) {
        byte[] t = kv.get(StateKey.of(11));
        if (t == null || t.length != 4) {
            return 0;
        }
        return (t[0] & 0xFFL) | (t[1] & 0xFFL) << 8 | (t[2] & 0xFFL) << 16 | (t[3] & 0xFFL) << 24;
    }

    private static <T> T read(byte[][] comp, int c, ChainParams p, Decoder.ElementReader<T> r) {
        Decoder d = new Decoder(comp[c]);
        try {
            T v = r.read(d);
            d.expectEnd();
            return v;
        } catch (CodecException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new UnusableStateException("state component " + NAMES[c] + " does not decode: " + e.getMessage(), e);
        }
    }

    /** T(σ): every key and value of the state, sorted by key. */
    public static NavigableMap<StateKey, byte[]> encode(ChainState s, ChainParams p) {
        NavigableMap<StateKey, byte[]> out = new TreeMap<>(s.services());
        put(out, 1, e -> s.alpha().encode(e, p));
        put(out, 2, e -> s.phi().encode(e, p));
        put(out, 3, e -> s.beta().encode(e, p));
        put(out, 4, e -> s.gamma().encode(e, p));
        put(out, 5, e -> s.psi().encode(e, p));
        put(out, 6, e -> s.eta().encode(e, p));
        put(out, 7, e -> s.iota().encode(e, p));
        put(out, 8, e -> s.kappa().encode(e, p));
        put(out, 9, e -> s.lambda().encode(e, p));
        put(out, 10, e -> s.rho().encode(e, p));
        put(out, 11, e -> e.u32(s.tau()));
        put(out, 12, e -> s.chi().encode(e, p));
        put(out, 13, e -> s.pi().encode(e, p));
        put(out, 14, e -> s.omega().encode(e, p));
        put(out, 15, e -> s.xi().encode(e, p));
        put(out, 16, e -> s.theta().encode(e, p));
        return out;
    }

    /**
     * T(σ) after a block, given the prior state's T: a component that is the very object it was in {@code prior}
     * keeps its prior encoding (the same array) instead of being encoded again. Equal to {@link #encode(ChainState,
     * ChainParams)} when {@code priorKv} is T({@code prior}).
     *
     * @param prior    the state before the block (null: encode everything)
     * @param priorKv  T(prior), as {@link #encode} gave it
     */
    public static NavigableMap<StateKey, byte[]> encode(ChainState s, ChainParams p, ChainState prior,
            Map<StateKey, byte[]> priorKv) {
        if (prior == null || priorKv == null) {
            return encode(s, p);
        }
        NavigableMap<StateKey, byte[]> out = new TreeMap<>(s.services());
        put(out, 1, s.alpha(), prior.alpha(), priorKv, e -> s.alpha().encode(e, p));
        put(out, 2, s.phi(), prior.phi(), priorKv, e -> s.phi().encode(e, p));
        put(out, 3, s.beta(), prior.beta(), priorKv, e -> s.beta().encode(e, p));
        put(out, 4, s.gamma(), prior.gamma(), priorKv, e -> s.gamma().encode(e, p));
        put(out, 5, s.psi(), prior.psi(), priorKv, e -> s.psi().encode(e, p));
        put(out, 6, s.eta(), prior.eta(), priorKv, e -> s.eta().encode(e, p));
        put(out, 7, s.iota(), prior.iota(), priorKv, e -> s.iota().encode(e, p));
        put(out, 8, s.kappa(), prior.kappa(), priorKv, e -> s.kappa().encode(e, p));
        put(out, 9, s.lambda(), prior.lambda(), priorKv, e -> s.lambda().encode(e, p));
        put(out, 10, s.rho(), prior.rho(), priorKv, e -> s.rho().encode(e, p));
        put(out, 11, e -> e.u32(s.tau()));
        put(out, 12, s.chi(), prior.chi(), priorKv, e -> s.chi().encode(e, p));
        put(out, 13, s.pi(), prior.pi(), priorKv, e -> s.pi().encode(e, p));
        put(out, 14, s.omega(), prior.omega(), priorKv, e -> s.omega().encode(e, p));
        put(out, 15, s.xi(), prior.xi(), priorKv, e -> s.xi().encode(e, p));
        put(out, 16, s.theta(), prior.theta(), priorKv, e -> s.theta().encode(e, p));
        return out;
    }

    /** T(σ) as a key/value list sorted by key. */
    public static List<KeyValue> encodeList(ChainState s, ChainParams p) {
        return toList(encode(s, p));
    }

    public static List<KeyValue> toList(Map<StateKey, byte[]> m) {
        List<KeyValue> out = new ArrayList<>(m.size());
        for (Map.Entry<StateKey, byte[]> e : m.entrySet()) {
            out.add(new KeyValue(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** M_σ: the state root, the root of the state trie over T(σ) (GP Appendix D.2). */
    public static Hash root(Map<StateKey, byte[]> serialized) {
        return new Hash(StateTrie.root(serialized));
    }

    private interface Writer {
        void write(Encoder e);
    }

    /** Puts component {@code c}: its prior encoding when it is the prior component itself, else encoded anew. */
    private static void put(Map<StateKey, byte[]> out, int c, Object now, Object before,
            Map<StateKey, byte[]> priorKv, Writer w) {
        if (now == before) {
            byte[] known = priorKv.get(StateKey.of(c));
            if (known != null) {
                out.put(StateKey.of(c), known);
                return;
            }
        }
        put(out, c, w);
    }

    private static void put(Map<StateKey, byte[]> out, int c, Writer w) {
        Encoder e = new Encoder();
        w.write(e);
        out.put(StateKey.of(c), e.toByteArray());
    }
}
