package io.jamboree.stf.preimages;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.reports.VectorDiff;
import java.util.Arrays;
import java.util.Optional;

/** Checks {@link PreimageIntegration} against one binary preimages STF test vector ({@code preimages.asn}). */
public final class PreimagesVectors {

    private PreimagesVectors() {}

    /** A decoded test case; the expected output is kept as its encoding. */
    public record TestCase(PreimagesInput input, PreimagesState preState, byte[] output, PreimagesState postState) {
        public static TestCase decode(byte[] bin, ChainParams p) {
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
        PreimagesResult res = PreimageIntegration.transition(tc.preState(), tc.input());
        byte[][] after = encodeAll(tc.preState(), p);
        for (int i = 0; i < before.length; i++) {
            if (!java.util.Arrays.equals(before[i], after[i])) {
                return Optional.of("transition mutated its input pre_state." + PreimagesState.FIELDS.get(i));
            }
        }
        Encoder w = new Encoder();
        res.encodeOutput(w);
        Optional<String> d = VectorDiff.compare("output", tc.output(), w.toByteArray());
        if (d.isPresent()) {
            return Optional.of(d.get() + " [result " + res.getClass().getSimpleName() + "]");
        }
        PreimagesState post = res instanceof PreimagesResult.Ok ok ? ok.postState() : tc.preState();
        for (int i = 0; i < PreimagesState.FIELDS.size(); i++) {
            d = VectorDiff.compare("post_state." + PreimagesState.FIELDS.get(i), tc.postState().encodeField(i, p),
                    post.encodeField(i, p));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static byte[][] encodeAll(PreimagesState s, ChainParams p) {
        byte[][] out = new byte[PreimagesState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
