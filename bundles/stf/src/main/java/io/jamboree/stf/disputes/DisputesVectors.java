package io.jamboree.stf.disputes;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.Ed25519;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ValidatorKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks one disputes test vector ({@code stf/disputes/*.bin}, schema {@code disputes.asn}: input, pre-state,
 * output, post-state) against {@link Disputes} (GP §10), verifying signatures with jam-crypto's Ed25519.
 * Usable from main code.
 */
public final class DisputesVectors {

    private DisputesVectors() {}

    /** Expected output: the offenders mark, or an error. */
    public sealed interface Output {
        /** ok. */
        record Ok(List<Ed25519Public> offendersMark) implements Output {}

        /** err. */
        record Err(DisputesError error) implements Output {}
    }

    /** A decoded test case. */
    public record TestCase(DisputesExtrinsic input, DisputesState preState, Output output, DisputesState postState) {}

    /** Decodes a binary test case; the whole input must be consumed. */
    public static TestCase decode(byte[] bin, ChainParams params) {
        Decoder r = new Decoder(bin);
        DisputesExtrinsic in = DisputesExtrinsic.decode(r, params);
        DisputesState pre = readState(r, params);
        Output out;
        int tag = r.u8();
        if (tag == 0) {
            out = new Output.Ok(r.varSeq(Ed25519Public.SIZE, "offenders_mark", Ed25519Public::decode));
        } else if (tag == 1) {
            int code = r.u8();
            if (code >= DisputesError.values().length) {
                throw r.error("unknown error code " + code);
            }
            out = new Output.Err(DisputesError.values()[code]);
        } else {
            throw r.error("bad output discriminator " + tag);
        }
        DisputesState post = readState(r, params);
        r.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    private static DisputesState readState(Decoder r, ChainParams p) {
        return new DisputesState(DisputesRecords.decode(r, p), AvailabilityAssignments.decode(r, p), r.u32(),
                ValidatorKeys.decode(r, p), ValidatorKeys.decode(r, p));
    }

    /** Runs the case with jam-crypto's Ed25519: empty when it passes, else the first difference. */
    public static Optional<String> check(byte[] bin, ChainParams params) {
        TestCase tc;
        try {
            tc = decode(bin, params);
        } catch (RuntimeException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(tc, params, Ed25519::verify);
    }

    /** As {@link #check(byte[], ChainParams)} for a decoded case and a given verifier. */
    public static Optional<String> check(TestCase tc, ChainParams params, Ed25519Verifier verifier) {
        DisputesResult res;
        try {
            res = new Disputes(verifier, params).apply(tc.preState(), tc.input());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("transition threw " + e);
        }
        DisputesState post;
        switch (res) {
            case DisputesResult.Err(DisputesError e) -> {
                if (!(tc.output() instanceof Output.Err(DisputesError want))) {
                    return Optional.of("output: expected ok, got err " + e.asnName());
                }
                if (want != e) {
                    return Optional.of("output: expected err " + want.asnName() + ", got err " + e.asnName());
                }
                post = tc.preState();
            }
            case DisputesResult.Ok(List<Ed25519Public> mark, DisputesState s) -> {
                if (!(tc.output() instanceof Output.Ok(List<Ed25519Public> want))) {
                    return Optional.of("output: expected err " + ((Output.Err) tc.output()).error().asnName()
                            + ", got ok");
                }
                if (!want.equals(mark)) {
                    return Optional.of("output.offenders_mark differs");
                }
                post = s;
            }
        }
        return diff(tc.postState(), post, params);
    }

    /** The first field where the two states encode differently. */
    public static Optional<String> diff(DisputesState expected, DisputesState actual, ChainParams params) {
        String[] names = {"psi", "rho", "tau", "kappa", "lambda"};
        byte[][] e = fields(expected, params);
        byte[][] a = fields(actual, params);
        for (int i = 0; i < names.length; i++) {
            if (!Arrays.equals(e[i], a[i])) {
                return Optional.of("post_state." + names[i] + " differs at octet " + Arrays.mismatch(e[i], a[i]));
            }
        }
        return Optional.empty();
    }

    private static byte[][] fields(DisputesState s, ChainParams p) {
        Encoder psi = new Encoder();
        s.psi().encode(psi, p);
        Encoder rho = new Encoder();
        s.rho().encode(rho, p);
        Encoder kappa = new Encoder();
        s.kappa().encode(kappa, p);
        Encoder lambda = new Encoder();
        s.lambda().encode(lambda, p);
        return new byte[][] {
            psi.toByteArray(), rho.toByteArray(), new Encoder(4).u32(s.tau()).toByteArray(), kappa.toByteArray(),
            lambda.toByteArray()
        };
    }
}
