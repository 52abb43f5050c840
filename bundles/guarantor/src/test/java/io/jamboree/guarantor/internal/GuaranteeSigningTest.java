package io.jamboree.guarantor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.accumulate.Refinement;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.erasure.internal.ChunkingAvailabilitySpecifier;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.keystore.DevKeys;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.sample.SampleService;
import io.jamboree.stf.reports.Reports;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsResult;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.types.Blob;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guarantees built by {@link GuaranteeSigning} for a report computed by {@link WorkReportComputer} on the tiny dev
 * genesis, checked by the node's own reports STF (GP §11.4, {@code Reports.transition}, itself checked against the
 * public reports vectors): signed by every guarantor of the core it is accepted; with one signature, or signed by a
 * validator of another core, it is refused.
 */
class GuaranteeSigningTest {
    private static final ChainParams P = ChainParams.tiny();

    @Test
    void guaranteesFromTheAssignedGuarantorsPassTheReportsStf() {
        ChainState g = StateCodec.decode(DevGenesis.spec(P).genesisState(), P);
        InterpreterEngine engine = new InterpreterEngine();
        WorkReportComputer computer = new WorkReportComputer(new io.jamboree.accumulate.internal.PvmInvocationsComponent().isAuthorization(engine), new io.jamboree.accumulate.internal.PvmInvocationsComponent().refinement(engine),
                new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding()));
        Hash genesisHash = g.beta().history().getFirst().headerHash();
        RefineContext ctx = new RefineContext(genesisHash, Hash.ZERO, Hash.ZERO, genesisHash, 0, List.of());
        WorkPackage pkg = new WorkPackage(SampleService.ID, SampleService.authorizerCodeHash(), ctx, Blob.EMPTY,
                Blob.EMPTY, List.of(new WorkItem(SampleService.ID, SampleService.codeHash(), 5_000_000, 100_000, 0,
                        new Blob(new byte[] {1, 2, 3}), List.of(), List.of())));
        long slot = 1;
        Hash eta2 = g.eta().get(2);
        ServiceInfo info = new ServiceAccounts(g.services(), P).info(SampleService.ID).orElseThrow();
        ReportsState state = new ReportsState(g.rho(), g.kappa(), g.lambda(), g.eta(), List.of(), g.beta(), g.alpha(),
                List.of(new ReportsState.Account(SampleService.ID, info)), g.pi().cores(), g.pi().services());
        for (int core = 0; core < P.coresCount(); core++) {
            WorkReport report = computer.compute(P, new ServiceAccounts(g.services(), P), pkg, List.of(List.of()), core)
                    .report();
            int[] guarantors = GuaranteeSigning.guarantorsOf(P, eta2, slot, core);
            assertEquals(P.validatorsCount() / P.coresCount(), guarantors.length);
            List<ValidatorSignature> all = new ArrayList<>();
            for (int v : guarantors) {
                assertEquals(core, GuaranteeSigning.coreOf(P, eta2, slot, v));
                all.add(GuaranteeSigning.sign(P, report, v, DevKeys.secrets(v).ed25519SecretSeed()));
            }
            ReportsResult ok = Reports.transition(state, new ReportsInput(new GuaranteesExtrinsic(List.of(
                    GuaranteeSigning.guarantee(report, slot, all.reversed()))), slot, List.of()), P, io.jamboree.crypto.Ed25519::verify);
            ReportsResult.Ok accepted = assertInstanceOf(ReportsResult.Ok.class, ok, "core " + core + ": " + ok);
            assertEquals(report.packageSpec().hash(), accepted.reported().getFirst().hash());
            assertEquals(guarantors.length, accepted.reporters().size());

            ReportsResult one = Reports.transition(state, new ReportsInput(new GuaranteesExtrinsic(List.of(
                    GuaranteeSigning.guarantee(report, slot, all.subList(0, 1)))), slot, List.of()), P, io.jamboree.crypto.Ed25519::verify);
            assertInstanceOf(ReportsResult.Err.class, one, "one signature");

            int other = -1;
            for (int v = 0; v < P.validatorsCount() && other < 0; v++) {
                if (GuaranteeSigning.coreOf(P, eta2, slot, v) != core) other = v;
            }
            List<ValidatorSignature> wrong = List.of(all.getFirst(),
                    GuaranteeSigning.sign(P, report, other, DevKeys.secrets(other).ed25519SecretSeed()));
            ReportsResult bad = Reports.transition(state, new ReportsInput(new GuaranteesExtrinsic(List.of(
                    GuaranteeSigning.guarantee(report, slot, wrong))), slot, List.of()), P, io.jamboree.crypto.Ed25519::verify);
            assertInstanceOf(ReportsResult.Err.class, bad, "a validator of another core");
            assertTrue(other >= 0);
        }
    }
}
