package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * A verdict {@code (r ∈ H, a ∈ N_4, j ∈ ⟦judgment⟧_⌊2V/3⌋+1)} (GP §10.2, eq. 10.2), encoded
 * {@code r, E_4(a), j} with the judgments as a fixed-length sequence (GP C.2 eq. C.20).
 */
public record Verdict(Hash target, long age, List<Judgement> votes) {
    public Verdict {
        Objects.requireNonNull(target);
        Sizes.u32(age, "verdict age");
        votes = List.copyOf(votes);
    }

    public void encode(Encoder e, ChainParams p) {
        target.encode(e);
        e.u32(age);
        Sizes.exactly(votes, p.validatorsSuperMajority(), "verdict votes");
        e.fixedSeq(votes, (x, j) -> j.encode(x, p));
    }

    public static Verdict decode(Decoder d, ChainParams p) {
        return new Verdict(Hash.decode(d), d.u32(),
                d.fixedSeq(p.validatorsSuperMajority(), x -> Judgement.decode(x, p)));
    }
}
