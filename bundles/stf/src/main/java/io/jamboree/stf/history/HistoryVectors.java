package io.jamboree.stf.history;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.RecentBlocks;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks one recent-history test vector ({@code stf/history/*.bin}, schema {@code history.asn}:
 * input, pre-state, output NULL, post-state) against {@link RecentHistory} (GP §7). Usable from main code.
 */
public final class HistoryVectors {

    private HistoryVectors() {}

    /** A decoded test case. */
    public record TestCase(HistoryInput input, RecentBlocks preState, RecentBlocks postState) {}

    /** Decodes a binary test case; the whole input must be consumed. */
    public static TestCase decode(byte[] bin, ChainParams params) {
        Decoder r = new Decoder(bin);
        HistoryInput in = HistoryInput.decode(r, params);
        RecentBlocks pre = RecentBlocks.decode(r, params);
        // output: NULL encodes as nothing
        RecentBlocks post = RecentBlocks.decode(r, params);
        r.expectEnd();
        return new TestCase(in, pre, post);
    }

    /** Runs the transition on the test case; empty when the post-state matches, else the first difference. */
    public static Optional<String> check(byte[] bin, ChainParams params) {
        TestCase tc;
        try {
            tc = decode(bin, params);
        } catch (RuntimeException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(tc, params);
    }

    /** As {@link #check(byte[], ChainParams)} for a decoded case. */
    public static Optional<String> check(TestCase tc, ChainParams params) {
        RecentBlocks got;
        try {
            got = RecentHistory.transition(tc.preState(), tc.input(), params);
        } catch (RuntimeException e) {
            return Optional.of("transition threw " + e);
        }
        return diff(tc.postState(), got, params);
    }

    /** The first field where {@code expected} and {@code actual} encode differently. */
    public static Optional<String> diff(RecentBlocks expected, RecentBlocks actual, ChainParams params) {
        byte[] e = new Encoder().varSeq(expected.history(), (x, b) -> b.encode(x, params)).toByteArray();
        byte[] a = new Encoder().varSeq(actual.history(), (x, b) -> b.encode(x, params)).toByteArray();
        if (!Arrays.equals(e, a)) {
            return Optional.of("post_state.beta.history differs at octet " + Arrays.mismatch(e, a));
        }
        Encoder we = new Encoder();
        expected.mmr().encode(we, params);
        Encoder wa = new Encoder();
        actual.mmr().encode(wa, params);
        e = we.toByteArray();
        a = wa.toByteArray();
        if (!Arrays.equals(e, a)) {
            return Optional.of("post_state.beta.mmr differs at octet " + Arrays.mismatch(e, a));
        }
        return Optional.empty();
    }
}
