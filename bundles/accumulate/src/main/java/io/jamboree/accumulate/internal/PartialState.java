package io.jamboree.accumulate.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The partial state 𝕊 of accumulation (GP 0.7.2 §12.2, eq. 12.16): service accounts d, staging set i,
 * authorizer queues q, manager m, assigners a, delegator v, registrar r and always-accumulate
 * services z. Mutable; lists and maps are replaced, never modified in place.
 */
final class PartialState {
    final ServiceAccounts accounts;
    List<ValidatorKey> stagingSet;
    List<List<Hash>> authQueues;
    long manager;
    long[] assigners;
    long delegator;
    long registrar;
    Map<Long, Long> alwaysAccumulate;

    PartialState(ServiceAccounts accounts, List<ValidatorKey> stagingSet, List<List<Hash>> authQueues, long manager,
            long[] assigners, long delegator, long registrar, Map<Long, Long> alwaysAccumulate) {
        this.accounts = accounts;
        this.stagingSet = List.copyOf(stagingSet);
        this.authQueues = List.copyOf(authQueues);
        this.manager = manager;
        this.assigners = assigners.clone();
        this.delegator = delegator;
        this.registrar = registrar;
        this.alwaysAccumulate = java.util.Collections.unmodifiableMap(new TreeMap<>(alwaysAccumulate));
    }

    /** An independent copy (accounts copied layer-wise). */
    PartialState copy() {
        return new PartialState(accounts.copy(), stagingSet, authQueues, manager, assigners, delegator, registrar,
                alwaysAccumulate);
    }

    /** The same components with a fresh account overlay on top of this state's accounts. */
    PartialState child() {
        return new PartialState(accounts.child(), stagingSet, authQueues, manager, assigners, delegator, registrar,
                alwaysAccumulate);
    }
}
