package io.jamboree.stf.safrole;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.EpochMark;
import io.jamboree.types.TicketBody;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks one Safrole test vector ({@code stf/safrole/*.bin}, schema {@code safrole.asn}: input, pre-state,
 * output, post-state) against {@link Safrole} (GP §6). Usable from main code.
 */
public final class SafroleVectors {

    private SafroleVectors() {}

    /** Expected output: the markers, or an error. */
    public sealed interface Output {
        /** ok. */
        record Ok(Optional<EpochMark> epochMark, Optional<List<TicketBody>> ticketsMark) implements Output {}

        /** err. */
        record Err(SafroleError error) implements Output {}
    }

    /** A decoded test case. */
    public record TestCase(SafroleInput input, SafroleState preState, Output output, SafroleState postState) {}

    /** Decodes a binary test case; the whole input must be consumed. */
    public static TestCase decode(byte[] bin, ChainParams c) {
        Decoder r = new Decoder(bin);
        SafroleInput in = SafroleCodec.readInput(r, c);
        SafroleState pre = SafroleCodec.readState(r, c);
        Output out;
        int tag = r.u8();
        if (tag == 0) {
            out = new Output.Ok(SafroleCodec.readEpochMark(r, c), SafroleCodec.readTicketsMark(r, c));
        } else if (tag == 1) {
            int code = r.u8();
            if (code >= SafroleError.values().length) {
                throw r.error("unknown error code " + code);
            }
            out = new Output.Err(SafroleError.values()[code]);
        } else {
            throw r.error("bad output discriminator " + tag);
        }
        SafroleState post = SafroleCodec.readState(r, c);
        r.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    /** Runs the case with the Bandersnatch ring of jam-bls/jam-crypto: empty when it passes, else the difference. */
    public static Optional<String> check(byte[] bin, ChainParams c) {
        return check(bin, c, BandersnatchRing.shared());
    }

    /** As {@link #check(byte[], ChainParams)} with a given ring VRF. */
    public static Optional<String> check(byte[] bin, ChainParams c, RingVrf ring) {
        TestCase tc;
        try {
            tc = decode(bin, c);
        } catch (RuntimeException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(tc, c, ring);
    }

    /** Runs a decoded case. */
    public static Optional<String> check(TestCase tc, ChainParams c, RingVrf ring) {
        SafroleResult res;
        try {
            res = new Safrole(c, ring).apply(tc.preState(), tc.input());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("transition threw " + e);
        }
        SafroleState post;
        switch (res) {
            case SafroleResult.Err(SafroleError e) -> {
                if (!(tc.output() instanceof Output.Err(SafroleError want))) {
                    return Optional.of("output: expected ok, got err " + e.asnName());
                }
                if (want != e) {
                    return Optional.of("output: expected err " + want.asnName() + ", got err " + e.asnName());
                }
                post = tc.preState();
            }
            case SafroleResult.Ok ok -> {
                if (!(tc.output() instanceof Output.Ok(Optional<EpochMark> em, Optional<List<TicketBody>> tm))) {
                    return Optional.of("output: expected err " + ((Output.Err) tc.output()).error().asnName()
                            + ", got ok");
                }
                if (!Arrays.equals(SafroleCodec.encodeEpochMark(em, c), SafroleCodec.encodeEpochMark(ok.epochMark(), c))) {
                    return Optional.of("output.ok.epoch_mark differs");
                }
                if (!Arrays.equals(SafroleCodec.encodeTicketsMark(tm, c),
                        SafroleCodec.encodeTicketsMark(ok.ticketsMark(), c))) {
                    return Optional.of("output.ok.tickets_mark differs");
                }
                post = ok.postState();
            }
        }
        return diff(tc.postState(), post, c);
    }

    /** The first field where the two states encode differently. */
    public static Optional<String> diff(SafroleState expected, SafroleState actual, ChainParams c) {
        byte[][] e = SafroleCodec.encodeFields(expected, c);
        byte[][] a = SafroleCodec.encodeFields(actual, c);
        for (int i = 0; i < e.length; i++) {
            if (!Arrays.equals(e[i], a[i])) {
                return Optional.of("post_state." + SafroleCodec.FIELDS[i] + " differs at octet "
                        + Arrays.mismatch(e[i], a[i]));
            }
        }
        return Optional.empty();
    }
}
