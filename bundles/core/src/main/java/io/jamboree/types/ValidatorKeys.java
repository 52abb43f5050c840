package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/**
 * A full validator key set {@code ⟦K⟧_V} (GP §6.3, eq. 6.7): the state components iota (staging), kappa (active),
 * lambda (previous) and gamma_k (pending). Encoded as V keys without a length prefix (GP Appendix D.1, C(7..9)).
 */
public record ValidatorKeys(List<ValidatorKey> keys) {
    public ValidatorKeys {
        keys = List.copyOf(keys);
    }

    public ValidatorKey get(int i) {
        return keys.get(i);
    }

    public int size() {
        return keys.size();
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.exactly(keys, p.validatorsCount(), "validator keys");
        for (ValidatorKey k : keys) {
            k.encode(e, p);
        }
    }

    public static ValidatorKeys decode(Decoder d, ChainParams p) {
        return new ValidatorKeys(d.fixedSeq(p.validatorsCount(), x -> ValidatorKey.decode(x, p)));
    }
}
