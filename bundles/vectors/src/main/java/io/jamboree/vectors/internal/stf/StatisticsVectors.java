package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.statistics.StatisticsInput;
import io.jamboree.stf.statistics.StatisticsState;
import io.jamboree.stf.statistics.ValidatorStatistics;
import java.util.List;

/** The statistics vectors ({@code statistics.asn}; the output is NULL) against {@link ValidatorStatistics} (GP §13). */
public final class StatisticsVectors implements StfSubsystem<StatisticsInput, StatisticsState> {

    /** The one instance. */
    public static final StatisticsVectors INSTANCE = new StatisticsVectors();

    private StatisticsVectors() {}

    @Override
    public StatisticsInput decodeInput(Decoder d, ChainParams p) {
        return StatisticsInput.decode(d, p);
    }

    @Override
    public StatisticsState decodeState(Decoder d, ChainParams p) {
        return StatisticsState.decode(d, p);
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        return false;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return StatisticsState.FIELDS;
    }

    @Override
    public byte[][] fields(StatisticsState s, ChainParams p) {
        return StfCheck.fields(StatisticsState.FIELDS.size(), i -> s.encodeField(i, p));
    }

    @Override
    public Outcome<StatisticsState> apply(StatisticsInput in, StatisticsState pre, ChainParams p) {
        return new Outcome<>(null, "ok", ValidatorStatistics.transition(pre, in, p));
    }
}
