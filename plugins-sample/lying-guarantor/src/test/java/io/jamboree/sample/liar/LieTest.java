package io.jamboree.sample.liar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class LieTest {
    private static WorkDigest digest(long service, WorkExecResult r) {
        return new WorkDigest(service, Hash.ZERO, Hash.ZERO, 1000, r, new RefineLoad(1, 0, 0, 0, 0));
    }

    private static ComputedWorkReport truth() {
        WorkReport r = new WorkReport(new AvailabilitySpec(Hash.ZERO, 10, Hash.ZERO, Hash.ZERO, 0),
                new RefineContext(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, List.of()), 1, Hash.ZERO, 0,
                Blob.EMPTY, List.of(), List.of(digest(7, new WorkExecResult.Ok(new Blob(new byte[] {1, 2}))),
                        digest(9, new WorkExecResult.Panic())));
        return new ComputedWorkReport(r, new byte[] {5, 6}, List.of());
    }

    @Test
    void liesAboutTheChosenServiceOnly() {
        ComputedWorkReport t = truth();
        ComputedWorkReport l = Lie.about(t, 7);
        // "lie" = 6c 69 65, then the true output 01 02
        assertEquals(new WorkExecResult.Ok(new Blob(new byte[] {0x6c, 0x69, 0x65, 1, 2})),
                l.report().results().get(0).result());
        assertEquals(t.report().results().get(1), l.report().results().get(1));
        assertArrayEquals(t.bundle(), l.bundle(), "the bundle stays true: auditors re-execute it");
        assertNotEquals(t.report().hash(ChainParams.tiny()), l.report().hash(ChainParams.tiny()));
        // an error result becomes the bare output "lie"
        assertEquals(new WorkExecResult.Ok(new Blob(new byte[] {0x6c, 0x69, 0x65})),
                Lie.about(t, 9).report().results().get(1).result());
        assertSame(t, Lie.about(t, 8), "no digest of service 8: the truth");
        assertEquals(2, Lie.about(t, Lie.ANY_SERVICE).report().results().stream()
                .filter(d -> d.result() instanceof WorkExecResult.Ok(Blob o) && o.bytes()[0] == 0x6c).count());
    }
}
