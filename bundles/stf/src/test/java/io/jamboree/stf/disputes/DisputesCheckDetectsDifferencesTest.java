package io.jamboree.stf.disputes;

import io.jamboree.stf.VectorFiles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.Ed25519;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DisputesVectors#check} reports a corrupted expected post-state or output, naming the field. */
class DisputesCheckDetectsDifferencesTest {

    private static final ChainParams TINY = ChainParams.tiny();

    private static DisputesVectors.TestCase load(String name) {
        return DisputesVectors.decode(VectorFiles.read(
                VectorFiles.root().resolve("stf/disputes/tiny").resolve(name + ".bin")), TINY);
    }

    @Test
    void wrongOffenders() {
        DisputesVectors.TestCase tc = load("progress_with_culprits-4");
        DisputesState p = tc.postState();
        DisputesRecords psi = p.psi();
        DisputesState bad = new DisputesState(new DisputesRecords(psi.good(), psi.bad(), psi.wonky(), List.of()),
                p.rho(), p.tau(), p.kappa(), p.lambda());
        Optional<String> d = DisputesVectors.check(
                new DisputesVectors.TestCase(tc.input(), tc.preState(), tc.output(), bad), TINY, Ed25519::verify);
        assertTrue(d.isPresent() && d.get().contains("psi"), String.valueOf(d));
    }

    @Test
    void wrongMark() {
        DisputesVectors.TestCase tc = load("progress_with_culprits-4");
        Optional<String> d = DisputesVectors.check(new DisputesVectors.TestCase(tc.input(), tc.preState(),
                new DisputesVectors.Output.Ok(List.of(new Ed25519Public(new byte[32]))), tc.postState()), TINY,
                Ed25519::verify);
        assertTrue(d.isPresent() && d.get().contains("offenders_mark"), String.valueOf(d));
    }

    @Test
    void rejectingVerifierIsNoticed() {
        DisputesVectors.TestCase tc = load("progress_with_verdicts-4");
        Optional<String> d = DisputesVectors.check(tc, TINY, (k, m, s) -> false);
        assertTrue(d.isPresent() && d.get().contains("bad-signature"), String.valueOf(d));
    }
}
