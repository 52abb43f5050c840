package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.history.HistoryInput;
import io.jamboree.stf.history.RecentHistory;
import io.jamboree.types.RecentBlocks;
import java.util.List;

/**
 * The recent-history vectors ({@code history.asn}; the output is NULL) against {@link RecentHistory} (GP §7); the
 * state β has two fields, the block history and the accumulation-output MMR.
 */
public final class HistoryVectors implements StfSubsystem<HistoryInput, RecentBlocks> {

    /** The one instance. */
    public static final HistoryVectors INSTANCE = new HistoryVectors();

    private static final List<String> FIELDS = List.of("beta.history", "beta.mmr");

    private HistoryVectors() {}

    @Override
    public HistoryInput decodeInput(Decoder d, ChainParams p) {
        return HistoryInput.decode(d, p);
    }

    @Override
    public RecentBlocks decodeState(Decoder d, ChainParams p) {
        return RecentBlocks.decode(d, p);
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        return false;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return FIELDS;
    }

    @Override
    public byte[][] fields(RecentBlocks s, ChainParams p) {
        return new byte[][] {
            new Encoder().varSeq(s.history(), (x, b) -> b.encode(x, p)).toByteArray(),
            StfCheck.encode(s.mmr()::encode, p)
        };
    }

    @Override
    public Outcome<RecentBlocks> apply(HistoryInput in, RecentBlocks pre, ChainParams p) {
        return new Outcome<>(null, "ok", RecentHistory.transition(pre, in, p));
    }
}
