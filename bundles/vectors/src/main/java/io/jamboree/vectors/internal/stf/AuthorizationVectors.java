package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.authorizations.AuthorizationInput;
import io.jamboree.stf.authorizations.AuthorizationState;
import io.jamboree.stf.authorizations.AuthorizerPool;
import io.jamboree.stf.authorizations.CoreAuthorizer;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorizations vectors ({@code authorizations.asn}; the output is NULL) against {@link AuthorizerPool}
 * (GP §8); the state fields are each core's pool α[c] and queue φ[c].
 */
public final class AuthorizationVectors implements StfSubsystem<AuthorizationVectors.TestCase> {

    /** The one instance. */
    public static final AuthorizationVectors INSTANCE = new AuthorizationVectors();

    private AuthorizationVectors() {}

    /** A decoded test case. */
    public record TestCase(AuthorizationInput input, AuthorizationState preState, AuthorizationState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder r = new Decoder(bin);
        long slot = r.u32();
        List<CoreAuthorizer> auths = r.varSeq(34, "auths", x -> new CoreAuthorizer(x.u16(), Hash.decode(x)));
        AuthorizationState pre = new AuthorizationState(AuthPools.decode(r, p), AuthQueues.decode(r, p));
        AuthorizationState post = new AuthorizationState(AuthPools.decode(r, p), AuthQueues.decode(r, p));
        r.expectEnd();
        return new TestCase(new AuthorizationInput(slot, auths), pre, post);
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        List<String> names = new ArrayList<>(2 * p.coresCount());
        for (int c = 0; c < p.coresCount(); c++) {
            names.add("auth_pools[" + c + "]");
        }
        for (int c = 0; c < p.coresCount(); c++) {
            names.add("auth_queues[" + c + "]");
        }
        return names;
    }

    @Override
    public byte[] expectedOutput(TestCase tc) {
        return null;
    }

    @Override
    public byte[][] preFields(TestCase tc, ChainParams p) {
        return fields(tc.preState());
    }

    @Override
    public byte[][] postFields(TestCase tc, ChainParams p) {
        return fields(tc.postState());
    }

    @Override
    public Outcome apply(TestCase tc, ChainParams p) {
        return new Outcome(null, "ok", fields(AuthorizerPool.transition(tc.preState(), tc.input(), p)));
    }

    /** Each core's pool (length-prefixed), then each core's queue (fixed length). */
    static byte[][] fields(AuthorizationState s) {
        List<List<Hash>> pools = s.pools().pools();
        List<List<Hash>> queues = s.queues().queues();
        byte[][] out = new byte[pools.size() + queues.size()][];
        for (int c = 0; c < pools.size(); c++) {
            out[c] = encode(pools.get(c), true);
        }
        for (int c = 0; c < queues.size(); c++) {
            out[pools.size() + c] = encode(queues.get(c), false);
        }
        return out;
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
