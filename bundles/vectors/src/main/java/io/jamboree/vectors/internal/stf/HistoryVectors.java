package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.history.HistoryInput;
import io.jamboree.stf.history.RecentHistory;
import io.jamboree.types.RecentBlocks;
import java.util.List;

/** The recent-history vectors ({@code history.asn}; the output is NULL) against {@link RecentHistory} (GP §7). */
public final class HistoryVectors implements StfSubsystem<HistoryVectors.TestCase> {

    /** The one instance. */
    public static final HistoryVectors INSTANCE = new HistoryVectors();

    private static final List<String> FIELDS = List.of("beta.history", "beta.mmr");

    private HistoryVectors() {}

    /** A decoded test case. */
    public record TestCase(HistoryInput input, RecentBlocks preState, RecentBlocks postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder r = new Decoder(bin);
        HistoryInput in = HistoryInput.decode(r, p);
        RecentBlocks pre = RecentBlocks.decode(r, p);
        RecentBlocks post = RecentBlocks.decode(r, p);
        r.expectEnd();
        return new TestCase(in, pre, post);
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return FIELDS;
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
        return new Outcome(null, "ok", fields(RecentHistory.transition(tc.preState(), tc.input(), p), p));
    }

    /** β's two fields (GP §7.1): the block history and the accumulation-output MMR. */
    static byte[][] fields(RecentBlocks s, ChainParams p) {
        return new byte[][] {
            new Encoder().varSeq(s.history(), (x, b) -> b.encode(x, p)).toByteArray(),
            StfCheck.encode(s.mmr()::encode, p)
        };
    }
}
