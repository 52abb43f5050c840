package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.statistics.StatisticsInput;
import io.jamboree.stf.statistics.StatisticsState;
import io.jamboree.stf.statistics.ValidatorStatistics;
import java.util.List;

/** The statistics vectors ({@code statistics.asn}; the output is NULL) against {@link ValidatorStatistics} (GP §13). */
public final class StatisticsVectors implements StfSubsystem<StatisticsVectors.TestCase> {

    /** The one instance. */
    public static final StatisticsVectors INSTANCE = new StatisticsVectors();

    private StatisticsVectors() {}

    /** A decoded test case. */
    public record TestCase(StatisticsInput input, StatisticsState preState, StatisticsState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder r = new Decoder(bin);
        StatisticsInput in = StatisticsInput.decode(r, p);
        StatisticsState pre = StatisticsState.decode(r, p);
        StatisticsState post = StatisticsState.decode(r, p);
        r.expectEnd();
        return new TestCase(in, pre, post);
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return StatisticsState.FIELDS;
    }

    @Override
    public byte[] expectedOutput(TestCase tc) {
        return null;
    }

    @Override
    public byte[][] preFields(TestCase tc, ChainParams p) {
        return fields(tc.preState(), p);
    }

    @Override
    public byte[][] postFields(TestCase tc, ChainParams p) {
        return fields(tc.postState(), p);
    }

    @Override
    public Outcome apply(TestCase tc, ChainParams p) {
        StatisticsState post = ValidatorStatistics.transition(tc.preState(), tc.input(), p);
        return new Outcome(null, "ok", fields(post, p));
    }

    private static byte[][] fields(StatisticsState s, ChainParams p) {
        byte[][] out = new byte[StatisticsState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
