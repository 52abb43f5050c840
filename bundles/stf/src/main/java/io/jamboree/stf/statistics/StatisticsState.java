package io.jamboree.stf.statistics;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.ValidatorActivityRecord;
import io.jamboree.types.ValidatorKeys;
import java.util.List;

/**
 * The state subset of validator statistics (vectors' {@code statistics.asn}): {@code π_V}, {@code π_L}, the
 * prior slot {@code τ} and the posterior active validators {@code κ'}.
 */
public record StatisticsState(
        List<ValidatorActivityRecord> current, List<ValidatorActivityRecord> last, long slot,
        ValidatorKeys currValidators) {

    public StatisticsState {
        current = List.copyOf(current);
        last = List.copyOf(last);
    }

    public static final List<String> FIELDS = List.of("vals_curr_stats", "vals_last_stats", "slot", "curr_validators");

    public static StatisticsState decode(Decoder d, ChainParams p) {
        return new StatisticsState(d.fixedSeq(p.validatorsCount(), x -> ValidatorActivityRecord.decode(x, p)),
                d.fixedSeq(p.validatorsCount(), x -> ValidatorActivityRecord.decode(x, p)), d.u32(),
                ValidatorKeys.decode(d, p));
    }

    public byte[] encodeField(int i, ChainParams p) {
        Encoder e = new Encoder();
        switch (i) {
            case 0 -> e.fixedSeq(current, (x, a) -> a.encode(x, p));
            case 1 -> e.fixedSeq(last, (x, a) -> a.encode(x, p));
            case 2 -> e.u32(slot);
            case 3 -> currValidators.encode(e, p);
            default -> throw new IllegalArgumentException("field " + i);
        }
        return e.toByteArray();
    }
}
