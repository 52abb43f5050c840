package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.SafroleError;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleState;
import io.jamboree.types.BandersnatchRingCommitment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** {@link StfCheck#check} with {@link SafroleVectors} reports a corrupted expected post-state or output, naming the field. */
class SafroleCheckDetectsDifferencesTest {

    private static final ChainParams TINY = ChainParams.tiny();
    private static final SafroleVectors SAFROLE = new SafroleVectors(BandersnatchRing.shared());

    private static StfSubsystem.TestCase<SafroleInput, SafroleState> load(String name) {
        return SAFROLE.decode(VectorFiles.read(
                VectorFiles.root().resolve("stf/safrole/tiny").resolve(name + ".bin")), TINY);
    }

    @Test
    void passingCasePasses() {
        StfSubsystem.TestCase<SafroleInput, SafroleState> tc = load("enact-epoch-change-with-no-tickets-1");
        assertEquals(Optional.empty(), StfCheck.check(SAFROLE, tc, TINY));
    }

    @Test
    void wrongTau() {
        StfSubsystem.TestCase<SafroleInput, SafroleState> tc = load("enact-epoch-change-with-no-tickets-1");
        SafroleState p = tc.postState();
        SafroleState bad = new SafroleState(p.tau() + 1, p.eta(), p.lambda(), p.kappa(), p.gammaK(), p.iota(),
                p.gammaA(), p.gammaS(), p.gammaZ(), p.postOffenders());
        Optional<String> d = StfCheck.check(SAFROLE,
                new StfSubsystem.TestCase<>(tc.input(), tc.preState(), tc.output(), bad), TINY);
        assertTrue(d.isPresent() && d.get().contains("tau"), String.valueOf(d));
    }

    @Test
    void wrongRingRoot() {
        StfSubsystem.TestCase<SafroleInput, SafroleState> tc = load("enact-epoch-change-with-no-tickets-1");
        SafroleState p = tc.postState();
        byte[] z = p.gammaZ().bytes();
        z[0] ^= 1;
        SafroleState bad = new SafroleState(p.tau(), p.eta(), p.lambda(), p.kappa(), p.gammaK(), p.iota(),
                p.gammaA(), p.gammaS(), new BandersnatchRingCommitment(z), p.postOffenders());
        Optional<String> d = StfCheck.check(SAFROLE,
                new StfSubsystem.TestCase<>(tc.input(), tc.preState(), tc.output(), bad), TINY);
        assertTrue(d.isPresent() && d.get().contains("gamma_z"), String.valueOf(d));
    }

    @Test
    void wrongOutput() {
        StfSubsystem.TestCase<SafroleInput, SafroleState> tc = load("enact-epoch-change-with-no-tickets-2"); // expects err bad-slot
        Optional<String> d = StfCheck.check(SAFROLE, new StfSubsystem.TestCase<>(tc.input(), tc.preState(),
                SafroleVectors.encodeOutput(SafroleError.UNEXPECTED_TICKET), tc.postState()), TINY);
        assertTrue(d.isPresent() && d.get().startsWith("output differs") && d.get().contains("bad-slot"),
                String.valueOf(d));
        d = StfCheck.check(SAFROLE, new StfSubsystem.TestCase<>(tc.input(), tc.preState(),
                SafroleVectors.encodeOutput(Optional.empty(), Optional.empty(), TINY), tc.postState()), TINY);
        assertTrue(d.isPresent() && d.get().startsWith("output differs at octet 0"), String.valueOf(d));
    }
}
