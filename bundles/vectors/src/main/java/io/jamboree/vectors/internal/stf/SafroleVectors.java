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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Safrole vectors ({@code safrole.asn}) against {@link Safrole} (GP §6) with a given ring VRF. The output
 * (epoch and tickets markers, or an error code) is kept encoded.
 */
public final class SafroleVectors implements StfSubsystem<SafroleVectors.TestCase> {

    /** The state fields in {@code safrole.asn} order. */
    public static final List<String> FIELDS = List.of(
            "tau", "eta", "lambda", "kappa", "gamma_k", "iota", "gamma_a", "gamma_s", "gamma_z", "post_offenders");

    private final RingVrf ring;

    /** Verifies ticket proofs with {@code ring}. */
    public SafroleVectors(RingVrf ring) {
        this.ring = ring;
    }

    /** A decoded test case. */
    public record TestCase(SafroleInput input, SafroleState preState, byte[] output, SafroleState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams c) {
        Decoder r = new Decoder(bin);
        SafroleInput in = new SafroleInput(r.u32(), Hash.decode(r),
                r.varSeq(1, "extrinsic", x -> TicketEnvelope.decode(x, c)));
        SafroleState pre = readState(r, c);
        int from = r.position();
        int tag = r.u8();
        if (tag == 0) {
            r.optional("epoch_mark", x -> EpochMark.decode(x, c));
            r.optional("tickets_mark", x -> x.fixedSeq(c.epochLength(), y -> TicketBody.decode(y, c)));
        } else if (tag == 1) {
            int code = r.u8();
            if (code >= SafroleError.values().length) {
                throw r.error("unknown error code " + code);
            }
        } else {
            throw r.error("bad output discriminator " + tag);
        }
        byte[] out = Arrays.copyOfRange(bin, from, r.position());
        SafroleState post = readState(r, c);
        r.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    private static SafroleState readState(Decoder r, ChainParams c) {
        return new SafroleState(r.u32(), EntropyBuffer.decode(r, c), ValidatorKeys.decode(r, c),
                ValidatorKeys.decode(r, c), ValidatorKeys.decode(r, c), ValidatorKeys.decode(r, c),
                r.varSeq(33, c.epochLength(), "gamma_a", x -> TicketBody.decode(x, c)), TicketsOrKeys.decode(r, c),
                BandersnatchRingCommitment.decode(r),
                r.varSeq(Ed25519Public.SIZE, "post_offenders", Ed25519Public::decode));
    }

    /** The output as {@code safrole.asn} encodes it: ok and the two optional markers, or err and its index. */
    public static byte[] encodeOutput(Optional<EpochMark> epochMark, Optional<List<TicketBody>> ticketsMark,
            ChainParams c) {
        return new Encoder().u8(0)
                .optional(epochMark.orElse(null), (x, v) -> v.encode(x, c))
                .optional(ticketsMark.orElse(null), (x, v) -> x.fixedSeq(v, (y, t) -> t.encode(y, c)))
                .toByteArray();
    }

    /** The error output as {@code safrole.asn} encodes it. */
    public static byte[] encodeOutput(SafroleError e) {
        return new Encoder(2).u8(1).u8(e.ordinal()).toByteArray();
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return FIELDS;
    }

    @Override
    public byte[] expectedOutput(TestCase tc) {
        return tc.output();
    }

    @Override
    public byte[][] preFields(TestCase tc, ChainParams p) {
        return fields(tc.preState(), p);
    }

    @Override
    public byte[][] postFields(TestCase tc, ChainParams p) {
        return fields(tc.postState(), p);
    }

    @Override
    public Outcome apply(TestCase tc, ChainParams c) {
        return switch (new Safrole(c, ring).apply(tc.preState(), tc.input())) {
            case SafroleResult.Err(SafroleError e) ->
                    new Outcome(encodeOutput(e), "err " + e.asnName(), fields(tc.preState(), c));
            case SafroleResult.Ok ok ->
                    new Outcome(encodeOutput(ok.epochMark(), ok.ticketsMark(), c), "ok", fields(ok.postState(), c));
        };
    }

    /** Each state field encoded on its own, in {@link #FIELDS} order (GP Appendix C). */
    public static byte[][] fields(SafroleState s, ChainParams c) {
        byte[][] out = new byte[FIELDS.size()][];
        out[0] = new Encoder(4).u32(s.tau()).toByteArray();
        out[1] = StfCheck.encode(s.eta()::encode, c);
        List<ValidatorKeys> sets = List.of(s.lambda(), s.kappa(), s.gammaK(), s.iota());
        for (int i = 0; i < 4; i++) {
            out[2 + i] = StfCheck.encode(sets.get(i)::encode, c);
        }
        out[6] = new Encoder().varSeq(s.gammaA(), (x, t) -> t.encode(x, c)).toByteArray();
        out[7] = StfCheck.encode(s.gammaS()::encode, c);
        out[8] = s.gammaZ().bytes();
        out[9] = new Encoder().varSeq(s.postOffenders(), (x, k) -> k.encode(x)).toByteArray();
        return out;
    }
}
