package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.authorizations.AuthorizationInput;
import io.jamboree.stf.authorizations.AuthorizationState;
import io.jamboree.types.AuthPools;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** {@link AuthorizationVectors#check} reports a corrupted expected post-state, naming the core. */
class AuthorizationCheckDetectsDifferencesTest {

    @Test
    void wrongPool() {
        StfSubsystem.TestCase<AuthorizationInput, AuthorizationState> tc = AuthorizationVectors.INSTANCE.decode(VectorFiles.read(VectorFiles.root()
                .resolve("stf/authorizations/tiny/progress_authorizations-2.bin")), ChainParams.tiny());
        List<List<Hash>> pools = new ArrayList<>(tc.postState().pools().pools());
        List<Hash> p1 = new ArrayList<>(pools.get(1));
        p1.remove(0);
        pools.set(1, p1);
        Optional<String> d = StfCheck.check(AuthorizationVectors.INSTANCE, new StfSubsystem.TestCase<>(tc.input(), tc.preState(), null,
                new AuthorizationState(new AuthPools(pools), tc.postState().queues())), ChainParams.tiny());
        assertTrue(d.isPresent() && d.get().contains("auth_pools[1]"), String.valueOf(d));
    }
}
