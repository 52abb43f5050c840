package io.jamboree.vectors.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.assurances.AssurancesVectors;
import io.jamboree.stf.authorizations.AuthorizationVectors;
import io.jamboree.stf.disputes.DisputesVectors;
import io.jamboree.stf.history.HistoryVectors;
import io.jamboree.stf.preimages.PreimagesVectors;
import io.jamboree.stf.reports.ReportsVectors;
import io.jamboree.stf.safrole.SafroleVectors;
import io.jamboree.stf.statistics.StatisticsVectors;
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
import org.osgi.service.component.annotations.Component;

/**
 * {@code stf/SUBSYSTEM/{tiny,full}}: the state-transition subsystems on their binary test cases
 * (input, pre-state, output, post-state). Each {@code .bin} is checked by the subsystem's own vector
 * checker, which reports the first differing output or post-state field.
 */
@Component(service = VectorFamily.class)
public final class StfFamily implements VectorFamily {
    /** A subsystem's check of one binary test case: the first difference, or empty when it passes. */
    @FunctionalInterface
    interface Checker {
        Optional<String> check(byte[] testCase, ChainParams params);
    }

    private static final Map<String, Checker> CHECKERS = Map.of(
            "safrole", SafroleVectors::check,
            "disputes", DisputesVectors::check,
            "history", HistoryVectors::check,
            "authorizations", AuthorizationVectors::check,
            "reports", ReportsVectors::check,
            "assurances", AssurancesVectors::check,
            "preimages", PreimagesVectors::check,
            "statistics", StatisticsVectors::check);

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
        Checker checker = CHECKERS.get(subsystem);
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
        return CHECKERS.containsKey(name) ? name : null;
    }
}
