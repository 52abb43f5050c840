package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.safrole.RingVrf;
import io.jamboree.stf.safrole.Safrole;
import io.jamboree.stf.safrole.SafroleError;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleResult;
import io.jamboree.stf.safrole.SafroleState;
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

/** The Safrole vectors ({@code safrole.asn}) against {@link Safrole} (GP §6) with a given ring VRF. */
public final class SafroleVectors implements StfSubsystem<SafroleInput, SafroleState> {

    /** The state fields in {@code safrole.asn} order. */
    public static final List<String> FIELDS = List.of(
            "tau", "eta", "lambda", "kappa", "gamma_k", "iota", "gamma_a", "gamma_s", "gamma_z", "post_offenders");

    private final RingVrf ring;

    /** Verifies ticket proofs with {@code ring}. */
    public SafroleVectors(RingVrf ring) {
        this.ring = ring;
    }

    /** The ok output as {@code safrole.asn} encodes it: the optional epoch and tickets markers (GP §6.6). */
    public static byte[] encodeOutput(Optional<EpochMark> epochMark, Optional<List<TicketBody>> ticketsMark,
            ChainParams c) {
        return new Encoder().u8(0)
                .optional(epochMark.orElse(null), (x, v) -> v.encode(x, c))
                .optional(ticketsMark.orElse(null), (x, v) -> x.fixedSeq(v, (y, t) -> t.encode(y, c)))
                .toByteArray();
    }

    /** The error output as {@code safrole.asn} encodes it: the error's index. */
    public static byte[] encodeOutput(SafroleError e) {
        return new Encoder(2).u8(1).u8(e.ordinal()).toByteArray();
    }

    @Override
    public SafroleInput decodeInput(Decoder d, ChainParams c) {
        return new SafroleInput(d.u32(), Hash.decode(d), d.varSeq(1, "extrinsic", x -> TicketEnvelope.decode(x, c)));
    }

    @Override
    public SafroleState decodeState(Decoder d, ChainParams c) {
        return new SafroleState(d.u32(), EntropyBuffer.decode(d, c), ValidatorKeys.decode(d, c),
                ValidatorKeys.decode(d, c), ValidatorKeys.decode(d, c), ValidatorKeys.decode(d, c),
                d.varSeq(33, c.epochLength(), "gamma_a", x -> TicketBody.decode(x, c)), TicketsOrKeys.decode(d, c),
                BandersnatchRingCommitment.decode(d),
                d.varSeq(Ed25519Public.SIZE, "post_offenders", Ed25519Public::decode));
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams c) {
        StfCheck.skipResult(d, SafroleError.values().length, x -> {
            x.optional("epoch_mark", y -> EpochMark.decode(y, c));
            x.optional("tickets_mark", y -> y.fixedSeq(c.epochLength(), z -> TicketBody.decode(z, c)));
        });
        return true;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return FIELDS;
    }

    @Override
    public byte[][] fields(SafroleState s, ChainParams c) {
        return new byte[][] {
            new Encoder(4).u32(s.tau()).toByteArray(),
            StfCheck.encode(s.eta()::encode, c),
            StfCheck.encode(s.lambda()::encode, c),
            StfCheck.encode(s.kappa()::encode, c),
            StfCheck.encode(s.gammaK()::encode, c),
            StfCheck.encode(s.iota()::encode, c),
            new Encoder().varSeq(s.gammaA(), (x, t) -> t.encode(x, c)).toByteArray(),
            StfCheck.encode(s.gammaS()::encode, c),
            s.gammaZ().bytes(),
            new Encoder().varSeq(s.postOffenders(), (x, k) -> k.encode(x)).toByteArray()
        };
    }

    @Override
    public Outcome<SafroleState> apply(SafroleInput in, SafroleState pre, ChainParams c) {
        return switch (new Safrole(c, ring).apply(pre, in)) {
            case SafroleResult.Err(SafroleError e) -> new Outcome<>(encodeOutput(e), "err " + e.asnName(), pre);
            case SafroleResult.Ok ok ->
                    new Outcome<>(encodeOutput(ok.epochMark(), ok.ticketsMark(), c), "ok", ok.postState());
        };
    }
}
