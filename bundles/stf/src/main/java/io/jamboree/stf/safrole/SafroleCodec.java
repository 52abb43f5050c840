package io.jamboree.stf.safrole;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.BandersnatchRingCommitment;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.EpochMark;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKeys;
import java.util.List;
import java.util.Optional;

/** The Safrole vector layout ({@code safrole.asn}) over the jam-core codecs (GP Appendix C). */
final class SafroleCodec {

    private SafroleCodec() {}

    static SafroleState readState(Decoder r, ChainParams c) {
        return new SafroleState(r.u32(), EntropyBuffer.decode(r, c), ValidatorKeys.decode(r, c),
                ValidatorKeys.decode(r, c), ValidatorKeys.decode(r, c), ValidatorKeys.decode(r, c),
                r.varSeq(33, c.epochLength(), "gamma_a", x -> TicketBody.decode(x, c)), TicketsOrKeys.decode(r, c),
                BandersnatchRingCommitment.decode(r), r.varSeq(Ed25519Public.SIZE, "post_offenders",
                        Ed25519Public::decode));
    }

    static SafroleInput readInput(Decoder r, ChainParams c) {
        return new SafroleInput(r.u32(), Hash.decode(r), r.varSeq(1, "extrinsic", x -> TicketEnvelope.decode(x, c)));
    }

    static Optional<EpochMark> readEpochMark(Decoder r, ChainParams c) {
        return Optional.ofNullable(r.optional("epoch_mark", x -> EpochMark.decode(x, c)));
    }

    static Optional<List<TicketBody>> readTicketsMark(Decoder r, ChainParams c) {
        return Optional.ofNullable(r.optional("tickets_mark", x -> x.fixedSeq(c.epochLength(), y -> TicketBody.decode(y, c))));
    }

    static byte[] encodeEpochMark(Optional<EpochMark> m, ChainParams c) {
        return new Encoder().optional(m.orElse(null), (x, v) -> v.encode(x, c)).toByteArray();
    }

    static byte[] encodeTicketsMark(Optional<List<TicketBody>> m, ChainParams c) {
        return new Encoder().optional(m.orElse(null), (x, v) -> x.fixedSeq(v, (y, t) -> t.encode(y, c)))
                .toByteArray();
    }

    /** Each state field encoded on its own, in {@code safrole.asn} order (see {@link #FIELDS}). */
    static byte[][] encodeFields(SafroleState s, ChainParams c) {
        byte[][] out = new byte[FIELDS.length][];
        out[0] = new Encoder(4).u32(s.tau()).toByteArray();
        Encoder w = new Encoder();
        s.eta().encode(w, c);
        out[1] = w.toByteArray();
        List<ValidatorKeys> sets = List.of(s.lambda(), s.kappa(), s.gammaK(), s.iota());
        for (int i = 0; i < 4; i++) {
            w = new Encoder();
            sets.get(i).encode(w, c);
            out[2 + i] = w.toByteArray();
        }
        out[6] = new Encoder().varSeq(s.gammaA(), (x, t) -> t.encode(x, c)).toByteArray();
        w = new Encoder();
        s.gammaS().encode(w, c);
        out[7] = w.toByteArray();
        out[8] = s.gammaZ().bytes();
        out[9] = new Encoder().varSeq(s.postOffenders(), (x, k) -> k.encode(x)).toByteArray();
        return out;
    }

    static final String[] FIELDS = {
        "tau", "eta", "lambda", "kappa", "gamma_k", "iota", "gamma_a", "gamma_s", "gamma_z", "post_offenders"
    };
}
