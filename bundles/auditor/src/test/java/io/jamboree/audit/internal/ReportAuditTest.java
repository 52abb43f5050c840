package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit condition U(w) and the no-shows m_n of GP 0.7.2 §17.3 on a tiny set (V = 6). */
class ReportAuditTest {
    private static final Hash R = new Hash(TrancheSelectionTest.filled(3));

    private static JudgmentPublication judgment(int v, boolean valid) {
        return new JudgmentPublication(0, v, valid, R, TrancheSelectionTest.filled64(v), null);
    }

    @Test
    void auditedWhenEveryAnnouncerOfATrancheJudgedValid() {
        ReportAudit a = new ReportAudit(R, null, 6);
        assertFalse(a.audited(), "nobody announced, nobody judged");
        a.announce(0, 1, null);
        a.announce(0, 4, null);
        assertEquals(List.of(1, 4), a.noShows(0));
        a.judge(judgment(1, true));
        assertFalse(a.audited());
        assertEquals(List.of(4), a.noShows(0));
        assertFalse(a.announce(1, 4, null), "an auditor announces a report in one tranche only");
        a.announce(1, 2, null);
        a.judge(judgment(2, true));
        assertTrue(a.audited(), "A_1 = {2} ⊂ J_⊤");
        a.judge(judgment(5, false));
        assertFalse(a.audited(), "a negative judgment stands");
        assertFalse(a.rejected(), "1 of 6 is less than a third");
        a.judge(judgment(3, false));
        assertTrue(a.rejected(), "2 of 6 is a third");
    }

    @Test
    void moreThanTwoThirdsPositiveIsAuditedDespiteNegatives() {
        ReportAudit a = new ReportAudit(R, null, 6);
        a.judge(judgment(0, false));
        for (int v = 1; v <= 4; v++) {
            a.judge(judgment(v, true));
        }
        assertFalse(a.audited(), "4 of 6 is not more than two thirds");
        a.judge(judgment(5, true));
        assertTrue(a.audited(), "5 of 6 is");
    }
}
