package io.jamboree.accumulate.internal;

import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The accumulation implications 𝕃 (GP 0.7.2 Appendix B.4, eq. B.7): the accumulating service id,
 * the partial state, the next free service id, the deferred transfers made, the yielded hash and the
 * preimage provisions. Ψ_A keeps two of them, the regular x and the exceptional y.
 */
final class Implications {
    final long id;
    final PartialState state;
    long nextFreeId;
    final List<DeferredTransfer> transfers;
    Hash yield;
    final LinkedHashSet<Provision> provisions;

    Implications(long id, PartialState state, long nextFreeId, List<DeferredTransfer> transfers, Hash yield,
            LinkedHashSet<Provision> provisions) {
        this.id = id;
        this.state = state;
        this.nextFreeId = nextFreeId;
        this.transfers = transfers;
        this.yield = yield;
        this.provisions = provisions;
    }

    /** An independent copy (the checkpoint y' = x). */
    Implications copy() {
        return new Implications(id, state.copy(), nextFreeId, new ArrayList<>(transfers), yield,
                new LinkedHashSet<>(provisions));
    }

    /** x_s, the accumulating service's account (null if it does not exist). */
    ServiceInfo self() {
        return state.accounts.info(id);
    }

    /** Replaces x_s. */
    void setSelf(ServiceInfo info) {
        state.accounts.putInfo(id, info);
    }
}
