package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.Ed25519;
import io.jamboree.stf.disputes.DisputesState;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** {@link StfCheck#check} with {@link DisputesVectors} reports a corrupted expected post-state or output, naming the field. */
class DisputesCheckDetectsDifferencesTest {

    private static final ChainParams TINY = ChainParams.tiny();

    private static StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> load(String name) {
        return new DisputesVectors(Ed25519::verify).decode(VectorFiles.read(
                VectorFiles.root().resolve("stf/disputes/tiny").resolve(name + ".bin")), TINY);
    }

    @Test
    void wrongOffenders() {
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> tc = load("progress_with_culprits-4");
        DisputesState p = tc.postState();
        DisputesRecords psi = p.psi();
        DisputesState bad = new DisputesState(new DisputesRecords(psi.good(), psi.bad(), psi.wonky(), List.of()),
                p.rho(), p.tau(), p.kappa(), p.lambda());
        Optional<String> d = StfCheck.check(new DisputesVectors(Ed25519::verify),
                new StfSubsystem.TestCase<>(tc.input(), tc.preState(), tc.output(), bad), TINY);
        assertTrue(d.isPresent() && d.get().contains("psi"), String.valueOf(d));
    }

    @Test
    void wrongMark() {
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> tc = load("progress_with_culprits-4");
        byte[] wrongMark = DisputesVectors.encodeOutput(List.of(new Ed25519Public(new byte[32])));
        Optional<String> d = StfCheck.check(new DisputesVectors(Ed25519::verify),
                new StfSubsystem.TestCase<>(tc.input(), tc.preState(), wrongMark, tc.postState()), TINY);
        assertTrue(d.isPresent() && d.get().startsWith("output differs"), String.valueOf(d));
    }

    @Test
    void rejectingVerifierIsNoticed() {
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> tc = load("progress_with_verdicts-4");
        Optional<String> d = StfCheck.check(new DisputesVectors((k, m, s) -> false), tc, TINY);
        assertTrue(d.isPresent() && d.get().contains("bad-signature"), String.valueOf(d));
    }
}
