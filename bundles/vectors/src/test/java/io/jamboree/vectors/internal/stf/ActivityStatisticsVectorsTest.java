package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.preimages.PreimagesInput;
import io.jamboree.stf.preimages.PreimagesState;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.stf.statistics.ActivityStatistics;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.WorkReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;


/**
 * The per-block core and service statistics of GP §13.2 against the statistics the reports and preimages
 * vectors book: every vector starts from zeroed records, so a successful vector's posterior statistics are
 * exactly the fresh per-block values (vectors with an error output keep the prior zeros and are checked too).
 */
class ActivityStatisticsVectorsTest {

    static Stream<Arguments> reports() {
        return VectorFiles.binaries("reports");
    }

    static Stream<Arguments> preimages() {
        return VectorFiles.binaries("preimages");
    }

    private static byte[] cores(List<CoreActivityRecord> cs, ChainParams p) {
        Encoder e = new Encoder();
        e.fixedSeq(cs, (x, c) -> c.encode(x, p));
        return e.toByteArray();
    }

    private static byte[] services(List<ServiceStatisticsEntry> ss, ChainParams p) {
        Encoder e = new Encoder();
        e.varSeq(ss, (x, s) -> s.encode(x, p));
        return e.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void reportsStatistics(String name, Path file, ChainParams p) {
        StfSubsystem.TestCase<ReportsInput, ReportsState> tc = ReportsVectors.INSTANCE.decode(VectorFiles.read(file), p);
        assertArrayEquals(cores(ActivityStatistics.cores(List.of(), List.of(), List.of(), p), p),
                cores(tc.preState().coresStatistics(), p), "pre-state core statistics are not zero");
        assertEquals(List.of(), tc.preState().servicesStatistics(), "pre-state service statistics are not empty");
        boolean ok = tc.output()[0] == 0;
        List<WorkReport> incoming = new ArrayList<>();
        if (ok) {
            for (ReportGuarantee g : tc.input().guarantees().guarantees()) {
                incoming.add(g.report());
            }
        }
        assertArrayEquals(cores(tc.postState().coresStatistics(), p),
                cores(ActivityStatistics.cores(incoming, List.of(), List.of(), p), p), "cores statistics");
        assertArrayEquals(services(tc.postState().servicesStatistics(), p),
                services(ActivityStatistics.services(incoming, List.of(), List.of()), p), "services statistics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preimages")
    void preimagesStatistics(String name, Path file, ChainParams p) {
        StfSubsystem.TestCase<PreimagesInput, PreimagesState> tc = PreimagesVectors.INSTANCE.decode(VectorFiles.read(file), p);
        assertEquals(List.of(), tc.preState().statistics(), "pre-state service statistics are not empty");
        boolean ok = tc.output()[0] == 0;
        assertArrayEquals(services(tc.postState().statistics(), p),
                services(ActivityStatistics.services(List.of(),
                        ok ? tc.input().preimages().preimages() : List.of(), List.of()), p),
                "services statistics");
    }
}
