package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.preimages.PreimageIntegration;
import io.jamboree.stf.preimages.PreimagesError;
import io.jamboree.stf.preimages.PreimagesInput;
import io.jamboree.stf.preimages.PreimagesResult;
import io.jamboree.stf.preimages.PreimagesState;
import java.util.Arrays;
import java.util.List;

/** The preimages vectors ({@code preimages.asn}) against {@link PreimageIntegration} (GP §12.4); output kept encoded. */
public final class PreimagesVectors implements StfSubsystem<PreimagesVectors.TestCase> {

    /** The one instance. */
    public static final PreimagesVectors INSTANCE = new PreimagesVectors();

    private PreimagesVectors() {}

    /** A decoded test case. */
    public record TestCase(PreimagesInput input, PreimagesState preState, byte[] output, PreimagesState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder r = new Decoder(bin);
        PreimagesInput in = PreimagesInput.decode(r, p);
        PreimagesState pre = PreimagesState.decode(r, p);
        int from = r.position();
        if (r.u8() != 0) {
            PreimagesError.ofCode(r.u8());
        }
        byte[] out = Arrays.copyOfRange(bin, from, r.position());
        PreimagesState post = PreimagesState.decode(r, p);
        r.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return PreimagesState.FIELDS;
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
        PreimagesResult res = PreimageIntegration.transition(tc.preState(), tc.input());
        PreimagesState post = res instanceof PreimagesResult.Ok ok ? ok.postState() : tc.preState();
        return new Outcome(StfCheck.encode((e, q) -> res.encodeOutput(e), p), res.getClass().getSimpleName(),
                fields(post, p));
    }

    private static byte[][] fields(PreimagesState s, ChainParams p) {
        byte[][] out = new byte[PreimagesState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
