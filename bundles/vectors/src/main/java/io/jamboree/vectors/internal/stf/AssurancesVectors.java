package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.assurances.Assurances;
import io.jamboree.stf.assurances.AssurancesError;
import io.jamboree.stf.assurances.AssurancesInput;
import io.jamboree.stf.assurances.AssurancesResult;
import io.jamboree.stf.assurances.AssurancesState;
import io.jamboree.types.WorkReport;
import java.util.Arrays;
import java.util.List;

/** The assurances vectors ({@code assurances.asn}) against {@link Assurances} (GP §11.2); output kept encoded. */
public final class AssurancesVectors implements StfSubsystem<AssurancesVectors.TestCase> {

    /** The one instance. */
    public static final AssurancesVectors INSTANCE = new AssurancesVectors();

    private AssurancesVectors() {}

    /** A decoded test case. */
    public record TestCase(AssurancesInput input, AssurancesState preState, byte[] output, AssurancesState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        AssurancesInput in = AssurancesInput.decode(d, p);
        AssurancesState pre = AssurancesState.decode(d, p);
        int from = d.position();
        if (d.u8() == 0) {
            d.varSeq(1, "reported", x -> WorkReport.decode(x, p));
        } else {
            AssurancesError.ofCode(d.u8());
        }
        byte[] out = Arrays.copyOfRange(bin, from, d.position());
        AssurancesState post = AssurancesState.decode(d, p);
        d.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return AssurancesState.FIELDS;
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
        AssurancesResult res = Assurances.transition(tc.preState(), tc.input(), p);
        AssurancesState post = res instanceof AssurancesResult.Ok ok ? ok.postState() : tc.preState();
        return new Outcome(StfCheck.encode(res::encodeOutput, p), String.valueOf(res), fields(post, p));
    }

    private static byte[][] fields(AssurancesState s, ChainParams p) {
        byte[][] out = new byte[AssurancesState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
