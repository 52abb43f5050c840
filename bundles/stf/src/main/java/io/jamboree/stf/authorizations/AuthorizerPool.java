package io.jamboree.stf.authorizations;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AuthPools;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorizer-pool transition α → α' (GP 0.7.2 §8.2, eq. 8.2–8.3, after {@code eq:authstatecomposition}):
 * <pre>
 *   ∀c ∈ N_C : α'[c] ≡ ←(F(c) ⌢ φ'[c][H_t]↺)^O
 *   F(c) ≡ α[c] ⊖ {(g_r)_a} when ∃g ∈ E_G : (g_r)_c = c, else α[c]
 * </pre>
 * where ⊖ removes the first (oldest) occurrence. The queue φ' is passed through unchanged (it is altered only by
 * accumulation). Pure: the prior state is never modified.
 */
public final class AuthorizerPool {

    private AuthorizerPool() {}

    /** (α', φ') from (α, φ'), the slot and the guarantees' authorizers; O is {@link ChainParams#authPoolMaxSize()}. */
    public static AuthorizationState transition(AuthorizationState pre, AuthorizationInput input, ChainParams params) {
        final int poolSize = params.authPoolMaxSize();
        List<List<Hash>> prior = pre.pools().pools();
        int cores = prior.size();
        List<List<Hash>> pools = new ArrayList<>(cores);
        for (int c = 0; c < cores; c++) {
            List<Hash> pool = new ArrayList<>(prior.get(c));
            for (CoreAuthorizer a : input.authorizers()) {
                if (a.core() == c) {
                    pool.remove(a.authorizerHash()); // the first occurrence
                }
            }
            List<Hash> queue = pre.queues().queues().get(c);
            pool.add(queue.get((int) Long.remainderUnsigned(input.slot(), queue.size())));
            while (pool.size() > poolSize) {
                pool.remove(0);
            }
            pools.add(pool);
        }
        return new AuthorizationState(new AuthPools(pools), pre.queues());
    }
}
