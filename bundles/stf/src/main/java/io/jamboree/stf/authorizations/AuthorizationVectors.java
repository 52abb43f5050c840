package io.jamboree.stf.authorizations;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks one authorizations test vector ({@code stf/authorizations/*.bin}, schema {@code authorizations.asn}:
 * input, pre-state, output NULL, post-state) against {@link AuthorizerPool} (GP §8). Usable from main code.
 */
public final class AuthorizationVectors {

    private AuthorizationVectors() {}

    /** A decoded test case. */
    public record TestCase(AuthorizationInput input, AuthorizationState preState, AuthorizationState postState) {}

    /** Decodes a binary test case; the whole input must be consumed. */
    public static TestCase decode(byte[] bin, ChainParams params) {
        Decoder r = new Decoder(bin);
        long slot = r.u32();
        List<CoreAuthorizer> auths = r.varSeq(34, "auths", x -> new CoreAuthorizer(x.u16(), Hash.decode(x)));
        AuthorizationState pre = new AuthorizationState(AuthPools.decode(r, params), AuthQueues.decode(r, params));
        AuthorizationState post = new AuthorizationState(AuthPools.decode(r, params), AuthQueues.decode(r, params));
        r.expectEnd();
        return new TestCase(new AuthorizationInput(slot, auths), pre, post);
    }

    /** Runs the transition; empty when the post-state matches, else the first difference. */
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
        AuthorizationState got;
        try {
            got = AuthorizerPool.transition(tc.preState(), tc.input(), params);
        } catch (RuntimeException e) {
            return Optional.of("transition threw " + e);
        }
        return diff(tc.postState(), got);
    }

    /** The first field where the two states encode differently. */
    public static Optional<String> diff(AuthorizationState expected, AuthorizationState actual) {
        List<List<Hash>> ep = expected.pools().pools();
        List<List<Hash>> ap = actual.pools().pools();
        if (ep.size() != ap.size()) {
            return Optional.of("post_state.auth_pools: core count differs");
        }
        for (int c = 0; c < ep.size(); c++) {
            if (!Arrays.equals(encode(ep.get(c), true), encode(ap.get(c), true))) {
                return Optional.of("post_state.auth_pools[" + c + "] differs");
            }
        }
        List<List<Hash>> eq = expected.queues().queues();
        List<List<Hash>> aq = actual.queues().queues();
        if (eq.size() != aq.size()) {
            return Optional.of("post_state.auth_queues: core count differs");
        }
        for (int c = 0; c < eq.size(); c++) {
            if (!Arrays.equals(encode(eq.get(c), false), encode(aq.get(c), false))) {
                return Optional.of("post_state.auth_queues[" + c + "] differs");
            }
        }
        return Optional.empty();
    }

    private static byte[] encode(List<Hash> hashes, boolean prefixed) {
        Encoder w = new Encoder(9 + 32 * hashes.size());
        if (prefixed) {
            w.natural(hashes.size());
        }
        for (Hash h : hashes) {
            h.encode(w);
        }
        return w.toByteArray();
    }
}
