package io.jamboree.stf.reports;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks {@link Reports} against one binary reports STF test vector: the output and every posterior state
 * field must equal the vector's byte for byte when re-encoded; a failing transition must leave the state as
 * the vector's post-state; the transition must not alter its input.
 */
public final class ReportsVectors {

    private ReportsVectors() {}

    /** Empty on success, else the first difference. */
    public static Optional<String> check(byte[] testCaseBin, ChainParams p) {
        ReportsTestCase tc;
        try {
            tc = ReportsTestCase.decode(testCaseBin, p);
        } catch (CodecException | IllegalArgumentException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(tc, p);
    }

    /** Empty on success, else the first difference, for an already decoded test case. */
    public static Optional<String> check(ReportsTestCase tc, ChainParams p) {
        byte[][] before = encodeAll(tc.preState(), p);
        ReportsResult res = Reports.transition(tc.preState(), tc.input(), p);
        byte[][] after = encodeAll(tc.preState(), p);
        for (int i = 0; i < before.length; i++) {
            if (!Arrays.equals(before[i], after[i])) {
                return Optional.of("transition mutated its input pre_state." + ReportsState.FIELDS.get(i));
            }
        }
        Encoder e = new Encoder();
        res.encodeOutput(e, p);
        Optional<String> d = VectorDiff.compare("output", tc.output(), e.toByteArray());
        if (d.isPresent()) {
            return Optional.of(d.get() + " [result " + describe(res) + "]");
        }
        ReportsState post = res instanceof ReportsResult.Ok ok ? ok.postState() : tc.preState();
        for (int i = 0; i < ReportsState.FIELDS.size(); i++) {
            d = VectorDiff.compare("post_state." + ReportsState.FIELDS.get(i), tc.postState().encodeField(i, p),
                    post.encodeField(i, p));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static byte[][] encodeAll(ReportsState s, ChainParams p) {
        byte[][] out = new byte[ReportsState.FIELDS.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.encodeField(i, p);
        }
        return out;
    }

    private static String describe(ReportsResult r) {
        return switch (r) {
            case ReportsResult.Ok ok -> "ok, " + ok.reported().size() + " reported";
            case ReportsResult.Err err -> "err " + err.error();
        };
    }
}
