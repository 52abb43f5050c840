package io.jamboree.stf.assurances;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.reports.VectorDiff;
import io.jamboree.types.WorkReport;
import java.util.Arrays;
import java.util.Optional;

/** Checks {@link Assurances} against one binary assurances STF test vector ({@code assurances.asn} TestCase). */
public final class AssurancesVectors {

    private AssurancesVectors() {}

    /** A decoded test case; the expected output is kept as its encoding. */
    public record TestCase(AssurancesInput input, AssurancesState preState, byte[] output, AssurancesState postState) {
        public static TestCase decode(byte[] bin, ChainParams p) {
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
        AssurancesResult res = Assurances.transition(tc.preState(), tc.input(), p);
        byte[][] after = encodeAll(tc.preState(), p);
        for (int i = 0; i < before.length; i++) {
            if (!Arrays.equals(before[i], after[i])) {
                return Optional.of("transition mutated its input pre_state." + AssurancesState.FIELDS.get(i));
            }
        }
        Encoder e = new Encoder();
        res.encodeOutput(e, p);
        Optional<String> d = VectorDiff.compare("output", tc.output(), e.toByteArray());
        if (d.isPresent()) {
            return Optional.of(d.get() + " [result " + res + "]");
        }
        AssurancesState post = res instanceof AssurancesResult.Ok ok ? ok.postState() : tc.preState();
        for (int i = 0; i < AssurancesState.FIELDS.size(); i++) {
            d = VectorDiff.compare("post_state." + AssurancesState.FIELDS.get(i), tc.postState().encodeField(i, p),
                    post.encodeField(i, p));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static byte[][] encodeAll(AssurancesState s, ChainParams p) {
        byte[][] out = new byte[AssurancesState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }
}
