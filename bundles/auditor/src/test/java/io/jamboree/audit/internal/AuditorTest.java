package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jamboree.crypto.Ed25519;
import io.jamboree.crypto.Jip5;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.Culprit;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorMetadata;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block-side inputs of the auditor: {@code q} from assurances over ρ (GP §11.2, §17.3), culprits (§10.2). */
class AuditorTest {
    private static WorkReport report(int core) {
        return new WorkReport(new AvailabilitySpec(new Hash(TrancheSelectionTest.filled(core + 1)), 10, Hash.ZERO,
                Hash.ZERO, 0), new RefineContext(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, List.of()), core,
                Hash.ZERO, 0, Blob.EMPTY, List.of(), List.of());
    }

    private static AvailAssurance assurance(int validator, int bits) {
        return new AvailAssurance(Hash.ZERO, new Blob(new byte[] {(byte) bits}), validator,
                new Ed25519Signature(new byte[64]));
    }

    @Test
    void aReportIsAvailableWhenMoreThanTwoThirdsAssureIt() {
        WorkReport r0 = report(0);
        WorkReport r1 = report(1);
        AvailabilityAssignments rho = new AvailabilityAssignments(Arrays.asList(
                new AvailabilityAssignment(r0, 20), new AvailabilityAssignment(r1, 20)));
        // tiny: V = 6, more than 4 needed. Core 0 (bit 0): validators 0-4 = 5; core 1 (bit 1): validators 0-3 = 4
        List<AvailAssurance> as = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            as.add(assurance(v, 0b11));
        }
        as.add(assurance(4, 0b01));
        WorkReport[] q = Auditor.available(rho, as, 2, 6);
        assertSame(r0, q[0]);
        assertNull(q[1], "4 of 6 is not more than two thirds");
        as.add(assurance(5, 0b10));
        q = Auditor.available(rho, as, 2, 6);
        assertSame(r1, q[1], "5 of 6 is");
        // an empty core is never available, whatever the bits say
        q = Auditor.available(new AvailabilityAssignments(Arrays.asList(null, null)), as, 2, 6);
        assertNull(q[0]);
        assertNull(q[1]);
    }

    @Test
    void culpritsAreTheGuarantorsWhoseSignaturesCheck() {
        List<ValidatorKey> kappa = new ArrayList<>();
        List<ValidatorKey> lambda = new ArrayList<>();
        List<ValidatorSecrets> ks = new ArrayList<>();
        List<ValidatorSecrets> ls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ks.add(ValidatorSecrets.fromSeed(Jip5.trivialSeed(i)));
            ls.add(ValidatorSecrets.fromSeed(Jip5.trivialSeed(100 + i)));
            kappa.add(ks.get(i).validatorKey(new ValidatorMetadata(new byte[ValidatorMetadata.SIZE])));
            lambda.add(ls.get(i).validatorKey(new ValidatorMetadata(new byte[ValidatorMetadata.SIZE])));
        }
        WorkReport r = report(1);
        Hash w = r.hash(io.jamboree.core.ChainParams.tiny());
        byte[] msg = AuditContexts.guaranteeMessage(w);
        // validator 1 of κ, validator 2 of λ (a guarantee of the previous rotation), and a forged signature for 4
        ReportGuarantee g = new ReportGuarantee(r, 7, List.of(
                new ValidatorSignature(1, new Ed25519Signature(Ed25519.sign(ks.get(1).ed25519SecretSeed(), msg))),
                new ValidatorSignature(2, new Ed25519Signature(Ed25519.sign(ls.get(2).ed25519SecretSeed(), msg))),
                new ValidatorSignature(4, new Ed25519Signature(Ed25519.sign(ks.get(3).ed25519SecretSeed(), msg)))));
        List<Culprit> cs = Auditor.culprits(g, w, kappa, lambda);
        assertEquals(2, cs.size());
        assertEquals(kappa.get(1).ed25519(), cs.get(0).key());
        assertEquals(lambda.get(2).ed25519(), cs.get(1).key());
        assertEquals(w, cs.get(0).target());
    }

    @Test
    void tranchePeriodIsEightSecondsScaledToTheSlot() {
        io.jamboree.core.ChainParams tiny = io.jamboree.core.ChainParams.tiny();
        assertEquals(8000, Auditor.trancheMs(java.util.Map.of(), tiny), "A = 8 s (GP I.4.4)");
        assertEquals(1333, Auditor.trancheMs(java.util.Map.of("slotMs", "1000"), tiny), "8/6 of a 1 s slot");
        assertEquals(500, Auditor.trancheMs(java.util.Map.of("slotMs", "1000", "trancheMs", "500"), tiny));
    }
}
