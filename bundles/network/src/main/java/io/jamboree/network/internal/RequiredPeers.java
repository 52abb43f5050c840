package io.jamboree.network.internal;

import io.jamboree.network.PeerId;
import io.jamboree.network.PeerInfo;
import io.jamboree.network.ValidatorPeer;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The peers a node keeps connected to (JAMNP-S "Required connectivity"): the validators it was given and its
 * bootnodes. For a pair of validators the Preferred Initiator ({@link PeerId#preferredInitiator}) connects at once
 * and the other side only after a grace period without a connection; bootnodes are always dialled. Failed attempts
 * are retried with exponential backoff, from {@value #BACKOFF_MIN_MS} ms up to {@value #BACKOFF_MAX_MS} ms.
 */
final class RequiredPeers {
    static final long BACKOFF_MIN_MS = 500;
    static final long BACKOFF_MAX_MS = 30_000;

    /** One peer to keep connected to. */
    private static final class Target {
        final PeerId id;
        final boolean bootnode;
        volatile InetSocketAddress address;
        volatile long since = System.currentTimeMillis();
        volatile long nextAttempt;
        volatile long backoff = BACKOFF_MIN_MS;
        volatile boolean pending;

        Target(PeerId id, InetSocketAddress address, boolean bootnode) {
            this.id = id;
            this.address = address;
            this.bootnode = bootnode;
        }
    }

    private final PeerId self;
    private final long graceMs;
    private final Map<PeerId, Target> targets = new ConcurrentHashMap<>();
    private volatile Map<PeerId, Integer> validatorIndex = Map.of();

    RequiredPeers(PeerId self, List<Bootnode> bootnodes, long graceMs) {
        this.self = self;
        this.graceMs = graceMs;
        for (Bootnode b : bootnodes) {
            if (!b.id().equals(self)) {
                targets.put(b.id(), new Target(b.id(), b.address(), true));
            }
        }
    }

    /** Replaces the validators (this node's own key skipped); bootnodes stay. */
    void setValidators(Collection<ValidatorPeer> validators) {
        Map<PeerId, Integer> index = new HashMap<>();
        for (ValidatorPeer v : validators) {
            if (v.id().equals(self)) {
                continue;
            }
            index.put(v.id(), v.index());
            Target t = targets.get(v.id());
            if (t == null) {
                targets.put(v.id(), new Target(v.id(), v.address(), false));
            } else {
                t.address = v.address();
            }
        }
        targets.values().removeIf(t -> !t.bootnode && !index.containsKey(t.id));
        validatorIndex = Map.copyOf(index);
    }

    /** The validator index of {@code id} in the set given last, if it is in it. */
    OptionalInt indexOf(PeerId id) {
        Integer i = id == null ? null : validatorIndex.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** A connection with {@code id} was made: the next loss retries at once. */
    void connected(PeerId id) {
        Target t = targets.get(id);
        if (t != null) {
            t.backoff = BACKOFF_MIN_MS;
        }
    }

    /** The connection with {@code id} was lost: the grace period starts again. */
    void disconnected(PeerId id) {
        Target t = targets.get(id);
        if (t != null) {
            t.since = System.currentTimeMillis();
        }
    }

    /**
     * One round: dials every target that is not connected, whose backoff has passed and whose turn it is.
     *
     * @param isConnected whether a peer is connected now
     * @param dial        connects to an address expecting a key
     */
    void maintain(Predicate<PeerId> isConnected, BiFunction<InetSocketAddress, PeerId, CompletionStage<PeerInfo>> dial) {
        long now = System.currentTimeMillis();
        for (Target t : targets.values()) {
            if (isConnected.test(t.id)) {
                t.since = now;
                continue;
            }
            if (t.pending || now < t.nextAttempt) {
                continue;
            }
            boolean preferred = t.bootnode || PeerId.preferredInitiator(self, t.id).equals(self);
            if (!preferred && now - t.since < graceMs) {
                continue;
            }
            t.pending = true;
            dial.apply(t.address, t.id).whenComplete((i, e) -> {
                t.pending = false;
                if (e != null) {
                    t.nextAttempt = System.currentTimeMillis() + t.backoff;
                    JamnpNetwork.LOG.debug("connecting to {} failed, next try in {} ms: {}", t.id.altName(), t.backoff,
                            e.toString());
                    t.backoff = Math.min(t.backoff * 2, BACKOFF_MAX_MS);
                } else {
                    t.backoff = BACKOFF_MIN_MS;
                }
            });
        }
    }
}
