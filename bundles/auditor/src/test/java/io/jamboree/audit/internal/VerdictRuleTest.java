package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.Judgement;
import io.jamboree.types.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verdict thresholds of GP 0.7.2 §10.2 eq. verdicts, for tiny (V = 6) and full (V = 1023). */
class VerdictRuleTest {
    private static final Hash R = new Hash(TrancheSelectionTest.filled(9));

    @Test
    void thresholdsOfTinyAndFull() {
        assertEquals(5, VerdictRule.superMajority(6));   // ⌊12/3⌋ + 1
        assertEquals(2, VerdictRule.wonky(6));           // ⌊6/3⌋
        assertEquals(683, VerdictRule.superMajority(1023)); // ⌊2046/3⌋ + 1 = 682 + 1
        assertEquals(341, VerdictRule.wonky(1023));      // ⌊1023/3⌋
        for (int p : new int[] {0, 2, 5}) {
            assertTrue(VerdictRule.allowedPositives(6, p));
        }
        for (int p : new int[] {1, 3, 4, 6}) {
            assertFalse(VerdictRule.allowedPositives(6, p));
        }
        assertTrue(VerdictRule.allowedPositives(1023, 341));
        assertFalse(VerdictRule.allowedPositives(1023, 342));
        assertFalse(VerdictRule.allowedPositives(1023, 682));
    }

    @Test
    void tinyBadVerdictNeedsFiveNegativeJudgments() {
        assertTrue(VerdictRule.verdict(R, 1, 6, List.of(), judgments(false, 0, 1, 2, 3)).isEmpty());
        Optional<Verdict> v = VerdictRule.verdict(R, 1, 6, judgments(true, 5), judgments(false, 4, 0, 3, 1, 2));
        assertTrue(v.isPresent());
        assertEquals(5, v.get().votes().size());
        assertEquals(0, VerdictRule.positives(v.get()));
        assertEquals(List.of(0, 1, 2, 3, 4), indices(v.get()));
        assertEquals(1, v.get().age());
    }

    @Test
    void tinyGoodAndWonkyVerdicts() {
        Verdict good = VerdictRule.verdict(R, 0, 6, judgments(true, 5, 4, 3, 2, 1, 0), List.of()).orElseThrow();
        assertEquals(5, VerdictRule.positives(good));
        assertEquals(List.of(0, 1, 2, 3, 4), indices(good));
        // 2 valid and 3 invalid: ⌊V/3⌋ positives, the wonky verdict
        Verdict wonky = VerdictRule.verdict(R, 0, 6, judgments(true, 1, 4), judgments(false, 0, 2, 5)).orElseThrow();
        assertEquals(2, VerdictRule.positives(wonky));
        assertEquals(List.of(0, 1, 2, 4, 5), indices(wonky));
        // validator 1 judged both ways: left out, so 4 clean negatives are not enough, 5 are
        assertTrue(VerdictRule.verdict(R, 0, 6, judgments(true, 1), judgments(false, 0, 1, 2, 3, 4)).isEmpty());
        Verdict withoutEquivocator = VerdictRule.verdict(R, 0, 6, judgments(true, 1),
                judgments(false, 0, 1, 2, 3, 4, 5)).orElseThrow();
        assertEquals(List.of(0, 2, 3, 4, 5), indices(withoutEquivocator));
        // 2 valid, 2 invalid: nothing yet
        assertTrue(VerdictRule.verdict(R, 0, 6, judgments(true, 1, 4), judgments(false, 0, 2)).isEmpty());
    }

    @Test
    void fullVerdictsTake683Judgments() {
        int[] all = new int[1023];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[] first682 = java.util.Arrays.copyOf(all, 682);
        assertTrue(VerdictRule.verdict(R, 0, 1023, List.of(), judgments(false, first682)).isEmpty());
        Verdict bad = VerdictRule.verdict(R, 0, 1023, List.of(), judgments(false, all)).orElseThrow();
        assertEquals(683, bad.votes().size());
        assertEquals(0, VerdictRule.positives(bad));
        int[] pos = java.util.Arrays.copyOfRange(all, 0, 341);
        int[] neg = java.util.Arrays.copyOfRange(all, 341, 683);
        Verdict wonky = VerdictRule.verdict(R, 0, 1023, judgments(true, pos), judgments(false, neg)).orElseThrow();
        assertEquals(341, VerdictRule.positives(wonky));
        assertEquals(683, wonky.votes().size());
    }

    static List<Judgement> judgments(boolean vote, int... validators) {
        List<Judgement> out = new ArrayList<>();
        for (int v : validators) {
            out.add(new Judgement(vote, v, new Ed25519Signature(new byte[64])));
        }
        return out;
    }

    private static List<Integer> indices(Verdict v) {
        return v.votes().stream().map(Judgement::index).toList();
    }
}
