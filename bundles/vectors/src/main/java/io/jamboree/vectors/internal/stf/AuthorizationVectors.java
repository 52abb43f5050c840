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
 * (GP §8); the state fields are each core's pool α[c], then each core's queue φ[c].
 */
public final class AuthorizationVectors implements StfSubsystem<AuthorizationInput, AuthorizationState> {

    /** The one instance. */
    public static final AuthorizationVectors INSTANCE = new AuthorizationVectors();

    private AuthorizationVectors() {}

    @Override
    public AuthorizationInput decodeInput(Decoder d, ChainParams p) {
        return new AuthorizationInput(d.u32(), d.varSeq(34, "auths", x -> new CoreAuthorizer(x.u16(), Hash.decode(x))));
    }

    @Override
    public AuthorizationState decodeState(Decoder d, ChainParams p) {
        return new AuthorizationState(AuthPools.decode(d, p), AuthQueues.decode(d, p));
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        return false;
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
    public byte[][] fields(AuthorizationState s, ChainParams p) {
        List<List<Hash>> pools = s.pools().pools();
        List<List<Hash>> queues = s.queues().queues();
        byte[][] out = new byte[pools.size() + queues.size()][];
        for (int c = 0; c < pools.size(); c++) {
            out[c] = new Encoder().varSeq(pools.get(c), (x, h) -> h.encode(x)).toByteArray();
        }
        for (int c = 0; c < queues.size(); c++) {
            out[pools.size() + c] = new Encoder().fixedSeq(queues.get(c), (x, h) -> h.encode(x)).toByteArray();
        }
        return out;
    }

    @Override
    public Outcome<AuthorizationState> apply(AuthorizationInput in, AuthorizationState pre, ChainParams p) {
        return new Outcome<>(null, "ok", AuthorizerPool.transition(pre, in, p));
    }
}
