package io.jamboree.stf.statistics;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.reports.VectorDiff;
import java.util.Optional;

/**
 * Checks {@link ValidatorStatistics} against one binary statistics STF test vector ({@code statistics.asn};
 * the output is NULL, encoded as nothing).
 */
public final class StatisticsVectors {

    private StatisticsVectors() {}

    /** A decoded test case. */
    public record TestCase(StatisticsInput input, StatisticsState preState, StatisticsState postState) {
        public static TestCase decode(byte[] bin, ChainParams p) {
            Decoder r = new Decoder(bin);
            StatisticsInput in = StatisticsInput.decode(r, p);
            StatisticsState pre = StatisticsState.decode(r, p);
            StatisticsState post = StatisticsState.decode(r, p);
            r.expectEnd();
            return new TestCase(in, pre, post);
        }
    }

    /** Empty on success, else the first difference. */
    public static Optional<String> check(byte[] testCaseBin, ChainParams p) {
        TestCase tc;
        try {
            tc = TestCase.decode(testCaseBin, p);
        } catch (CodecException | IllegalArgumentException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(tc, p);
    }

    /** Empty on success, else the first difference, for an already decoded test case. */
    public static Optional<String> check(TestCase tc, ChainParams p) {
        byte[][] before = encodeAll(tc.preState(), p);
        StatisticsState post = ValidatorStatistics.transition(tc.preState(), tc.input(), p);
        byte[][] after = encodeAll(tc.preState(), p);
        for (int i = 0; i < before.length; i++) {
            if (!java.util.Arrays.equals(before[i], after[i])) {
                return Optional.of("transition mutated its input pre_state." + StatisticsState.FIELDS.get(i));
            }
        }
        for (int i = 0; i < StatisticsState.FIELDS.size(); i++) {
            Optional<String> d = VectorDiff.compare("post_state." + StatisticsState.FIELDS.get(i),
                    tc.postState().encodeField(i, p), post.encodeField(i, p));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static byte[][] encodeAll(StatisticsState s, ChainParams p) {
        byte[][] out = new byte[StatisticsState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
