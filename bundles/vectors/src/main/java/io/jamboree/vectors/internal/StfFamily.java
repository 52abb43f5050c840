package io.jamboree.vectors.internal;

import io.jamboree.accumulate.PvmInvocations;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.vectors.internal.stf.AccumulateVectors;
import io.jamboree.vectors.internal.stf.AssurancesVectors;
import io.jamboree.vectors.internal.stf.AuthorizationVectors;
import io.jamboree.vectors.internal.stf.DisputesVectors;
import io.jamboree.vectors.internal.stf.HistoryVectors;
import io.jamboree.vectors.internal.stf.PreimagesVectors;
import io.jamboree.vectors.internal.stf.ReportsVectors;
import io.jamboree.vectors.internal.stf.SafroleVectors;
import io.jamboree.vectors.internal.stf.StfCheck;
import io.jamboree.vectors.internal.stf.StfSubsystem;
import io.jamboree.vectors.internal.stf.StatisticsVectors;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code stf/SUBSYSTEM/{tiny,full}}: the state-transition subsystems on their binary test cases
 * (input, pre-state, output, post-state). Each {@code .bin} is checked by {@link StfCheck} with the
 * subsystem's {@link StfSubsystem} mapping, which reports the first differing output or post-state field.
 * Accumulation (GP §12) runs service code, so an accumulate vector runs on EVERY registered {@link PvmEngine}
 * and passes only if it passes on all of them.
 */
@Component(service = VectorFamily.class)
public final class StfFamily implements VectorFamily {
    /** A subsystem's check of one binary test case: the first difference, or empty when it passes. */
    @FunctionalInterface
    interface Checker {
        Optional<String> check(byte[] testCase, ChainParams params);
    }

    private static final Map<String, Checker> CHECKERS = Map.of(
            // the ring SRS loads on the first Safrole vector, not when this family is created
            "safrole", (bin, p) -> StfCheck.check(new SafroleVectors(BandersnatchRing.shared()), bin, p),
            "disputes", checker(new DisputesVectors(io.jamboree.vectors.internal.stf.ZipEd25519.INSTANCE)),
            "history", checker(HistoryVectors.INSTANCE),
            "authorizations", checker(AuthorizationVectors.INSTANCE),
            "reports", checker(ReportsVectors.INSTANCE),
            "assurances", checker(AssurancesVectors.INSTANCE),
            "preimages", checker(PreimagesVectors.INSTANCE),
            "statistics", checker(StatisticsVectors.INSTANCE));

    private static Checker checker(StfSubsystem<?, ?> s) {
        return (bin, p) -> StfCheck.check(s, bin, p);
    }

    /** Subsystems whose checks need the PVM engines. */
    private static final List<String> ENGINE_SUBSYSTEMS = List.of("accumulate");

    private final List<PvmEngine> engines;
    private final PvmInvocations invocations;

    @Activate
    public StfFamily(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY,
                    target = "(!(pvm.engine=active))")
            List<PvmEngine> engines, @Reference PvmInvocations invocations) {
        this.engines = List.copyOf(engines);
        this.invocations = invocations;
    }

    /** The accumulate check on every engine: the first engine's difference, named. */
    private Optional<String> accumulate(byte[] testCase, ChainParams params) {
        for (PvmEngine e : engines) {
            Optional<String> d = AccumulateVectors.check(testCase, params, invocations.accumulation(e));
            if (d.isPresent()) {
                return Optional.of("[" + e.name() + "] " + d.get());
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "stf";
    }

    @Override
    public boolean recognises(Path dir) {
        return subsystem(dir) != null && ChainParams.byName(dir.getFileName().toString()).isPresent();
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        String subsystem = subsystem(dir);
        ChainParams params = ChainParams.byName(dir.getFileName().toString()).orElseThrow();
        Checker checker = subsystem.equals("accumulate") ? this::accumulate : CHECKERS.get(subsystem);
        List<VectorResult> results = new ArrayList<>();
        for (Path bin : JsonFiles.list(dir, ".bin")) {
            String id = subsystem + "/" + dir.getFileName() + "/" + bin.getFileName();
            try {
                Optional<String> diff = checker.check(Files.readAllBytes(bin), params);
                results.add(diff.map(d -> VectorResult.fail(id, d)).orElseGet(() -> VectorResult.pass(id)));
            } catch (RuntimeException e) {
                results.add(VectorResult.fail(id, JsonFiles.describe(e)));
            }
        }
        return new VectorReport(name(), dir, results);
    }

    /** The subsystem of {@code .../stf/SUBSYSTEM/CONFIG}, or null. */
    private static String subsystem(Path dir) {
        Path sub = dir.getParent();
        Path stf = sub == null ? null : sub.getParent();
        if (stf == null || stf.getFileName() == null || !stf.getFileName().toString().equals("stf")) {
            return null;
        }
        String name = sub.getFileName().toString();
        return CHECKERS.containsKey(name) || ENGINE_SUBSYSTEMS.contains(name) ? name : null;
    }
}
