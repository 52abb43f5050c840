package io.jamboree.stf.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DA load and popularity (GP §13.2), which no STF vector of these subsystems exercises, worked by hand. */
class ActivityStatisticsTest {

    private static final Hash H = new Hash(new byte[32]);

    private static WorkReport report(int core, long bundleLength, int exportsCount) {
        return new WorkReport(new AvailabilitySpec(H, bundleLength, H, H, exportsCount),
                new RefineContext(H, H, H, H, 0, List.of()), core, H, 0, Blob.EMPTY, List.of(),
                List.of(new WorkDigest(7, H, H, 0, WorkExecResult.PANIC, RefineLoad.ZERO)));
    }

    private static AvailAssurance assurance(int validator, int bits) {
        return new AvailAssurance(H, new Blob(new byte[] {(byte) bits}), validator, new Ed25519Signature(new byte[64]));
    }

    @Test
    void daLoadAndPopularity() {
        ChainParams p = ChainParams.tiny();
        // core 1: one report of 100 octets exporting 64 segments: 100 + 4104·⌈64·65/64⌉ = 100 + 4104·65 = 266860
        // core 0: one report of 7 octets exporting 1 segment:   7 + 4104·⌈65/64⌉ = 7 + 4104·2 = 8215
        List<WorkReport> available = List.of(report(0, 7, 1), report(1, 100, 64));
        // three assurers: bits 0b01, 0b11, 0b10 -> core 0 twice, core 1 twice
        List<AvailAssurance> as = List.of(assurance(0, 1), assurance(1, 3), assurance(2, 2));
        List<CoreActivityRecord> cs = ActivityStatistics.cores(List.of(), available, as, p);
        assertEquals(new CoreActivityRecord(8215, 2, 0, 0, 0, 0, 0, 0), cs.get(0));
        assertEquals(new CoreActivityRecord(266_860, 2, 0, 0, 0, 0, 0, 0), cs.get(1));
    }

    @Test
    void accumulationStatisticsCreateEntries() {
        var s = ActivityStatistics.services(List.of(), List.of(),
                List.of(new ActivityStatistics.Accumulation(9, 3, 1000)));
        assertEquals(1, s.size());
        assertEquals(9, s.get(0).id());
        assertEquals(3, s.get(0).record().accumulateCount());
        assertEquals(1000, s.get(0).record().accumulateGasUsed());
    }
}
