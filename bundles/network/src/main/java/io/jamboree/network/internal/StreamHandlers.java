package io.jamboree.network.internal;

import io.jamboree.network.StreamHandler;
import io.jamboree.network.StreamKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The registered {@link StreamHandler}s by kind (whiteboard): for each kind the one of the highest ranking serves.
 * Thread-safe; a listener hears of every change (the network opens UP streams of a new UP kind).
 */
public final class StreamHandlers {
    /**
     * One registration.
     *
     * @param handler    the handler
     * @param kind       its kind
     * @param maxMessage the largest message content it accepts
     * @param ranking    its service ranking
     * @param order      registration order, to break ties (older first)
     */
    record Entry(StreamHandler handler, StreamKind kind, int maxMessage, int ranking, long order) {
        boolean beats(Entry o) {
            return ranking != o.ranking ? ranking > o.ranking : order < o.order;
        }
    }

    private final Map<Integer, List<Entry>> byKind = new TreeMap<>();
    private long counter;
    private volatile Consumer<StreamKind> onAdded = k -> {};

    void onAdded(Consumer<StreamKind> listener) {
        this.onAdded = listener;
    }

    /** Registers {@code handler} for {@code kind}. */
    public void add(StreamHandler handler, StreamKind kind, int maxMessage, int ranking) {
        if (maxMessage < 0) {
            throw new IllegalArgumentException("max message size must be >= 0, got " + maxMessage);
        }
        synchronized (this) {
            byKind.computeIfAbsent(kind.value(), k -> new ArrayList<>()).add(new Entry(handler, kind, maxMessage, ranking, counter++));
        }
        onAdded.accept(kind);
    }

    /** Registers {@code handler} for {@code kind} with ranking 0. */
    public void add(StreamHandler handler, StreamKind kind, int maxMessage) {
        add(handler, kind, maxMessage, 0);
    }

    /** Unregisters {@code handler} from every kind. */
    public synchronized void remove(StreamHandler handler) {
        byKind.values().forEach(l -> l.removeIf(e -> e.handler() == handler));
        byKind.values().removeIf(List::isEmpty);
    }

    /** The serving handler of {@code kind}, or {@code null}. */
    synchronized Entry get(int kind) {
        List<Entry> l = byKind.get(kind);
        if (l == null) {
            return null;
        }
        Entry best = null;
        for (Entry e : l) {
            if (best == null || e.beats(best)) {
                best = e;
            }
        }
        return best;
    }

    /** The UP kinds with a handler. */
    synchronized List<StreamKind> upKinds() {
        List<StreamKind> out = new ArrayList<>();
        for (Integer k : byKind.keySet()) {
            if (k < StreamKind.FIRST_CE) {
                out.add(StreamKind.of(k));
            }
        }
        return out;
    }
}
