package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.reports.Reports;
import io.jamboree.stf.reports.ReportsError;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsResult;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ReportedWorkPackage;
import java.util.Arrays;
import java.util.List;

/** The reports vectors ({@code reports.asn}) against {@link Reports} (GP §11); the output is kept encoded. */
public final class ReportsVectors implements StfSubsystem<ReportsVectors.TestCase> {

    /** The one instance. */
    public static final ReportsVectors INSTANCE = new ReportsVectors();

    private ReportsVectors() {}

    /** A decoded test case. */
    public record TestCase(ReportsInput input, ReportsState preState, byte[] output, ReportsState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        ReportsInput in = ReportsInput.decode(d, p);
        ReportsState pre = ReportsState.decode(d, p);
        int from = d.position();
        if (d.u8() == 0) {
            d.varSeq(64, "reported", x -> ReportedWorkPackage.decode(x, p));
            d.varSeq(32, "reporters", Ed25519Public::decode);
        } else {
            ReportsError.ofCode(d.u8());
        }
        byte[] out = Arrays.copyOfRange(bin, from, d.position());
        ReportsState post = ReportsState.decode(d, p);
        d.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return ReportsState.FIELDS;
    }

    @Override
    public byte[] expectedOutput(TestCase tc) {
        return tc.output();
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
        ReportsResult res = Reports.transition(tc.preState(), tc.input(), p);
        ReportsState post = res instanceof ReportsResult.Ok ok ? ok.postState() : tc.preState();
        String result = switch (res) {
            case ReportsResult.Ok ok -> "ok, " + ok.reported().size() + " reported";
            case ReportsResult.Err err -> "err " + err.error();
        };
        return new Outcome(StfCheck.encode(res::encodeOutput, p), result, fields(post, p));
    }

    private static byte[][] fields(ReportsState s, ChainParams p) {
        byte[][] out = new byte[ReportsState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
