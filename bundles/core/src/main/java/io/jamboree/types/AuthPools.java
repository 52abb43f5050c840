package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorizer pools {@code α ∈ ⟦⟦H⟧_:O⟧_C} (GP §8.2, eq. 8.1): per core, at most O authorizer hashes.
 * Encoded as C length-prefixed sequences (GP Appendix D.1, C(1)).
 */
public record AuthPools(List<List<Hash>> pools) {
    public AuthPools {
        ArrayList<List<Hash>> copy = new ArrayList<>(pools.size());
        for (List<Hash> l : pools) {
            copy.add(List.copyOf(l));
        }
        pools = List.copyOf(copy);
    }

    public List<Hash> pool(int core) {
        return pools.get(core);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.exactly(pools, p.coresCount(), "auth pools");
        for (List<Hash> pool : pools) {
            Sizes.atMost(pool, p.authPoolMaxSize(), "auth pool");
            e.varSeq(pool, (x, h) -> h.encode(x));
        }
    }

    public static AuthPools decode(Decoder d, ChainParams p) {
        return new AuthPools(d.fixedSeq(p.coresCount(),
                x -> x.varSeq(Hash.SIZE, p.authPoolMaxSize(), "auth pool", Hash::decode)));
    }
}
