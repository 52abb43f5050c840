package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * The epoch marker {@code H_E} (GP §5.1, eq. 5.10; §6.6, eq. 6.27): entropy eta_0, tickets entropy eta_1 and the
 * next epoch's V validator (Bandersnatch, Ed25519) keys.
 */
public record EpochMark(Hash entropy, Hash ticketsEntropy, List<EpochMarkValidator> validators) {
    public EpochMark {
        Objects.requireNonNull(entropy);
        Objects.requireNonNull(ticketsEntropy);
        validators = List.copyOf(validators);
    }

    public void encode(Encoder e, ChainParams p) {
        entropy.encode(e);
        ticketsEntropy.encode(e);
        Sizes.exactly(validators, p.validatorsCount(), "epoch mark validators");
        for (EpochMarkValidator v : validators) {
            v.encode(e, p);
        }
    }

    public static EpochMark decode(Decoder d, ChainParams p) {
        return new EpochMark(Hash.decode(d), Hash.decode(d),
                d.fixedSeq(p.validatorsCount(), x -> EpochMarkValidator.decode(x, p)));
    }
}
