package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.disputes.Disputes;
import io.jamboree.stf.disputes.DisputesError;
import io.jamboree.stf.disputes.DisputesResult;
import io.jamboree.stf.disputes.DisputesState;
import io.jamboree.stf.disputes.Ed25519Verifier;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ValidatorKeys;
import java.util.Arrays;
import java.util.List;

/**
 * The disputes vectors ({@code disputes.asn}) against {@link Disputes} (GP §10) with a given Ed25519 verifier.
 * The output (offenders mark, or an error code) is kept encoded.
 */
public final class DisputesVectors implements StfSubsystem<DisputesVectors.TestCase> {

    private static final List<String> FIELDS = List.of("psi", "rho", "tau", "kappa", "lambda");

    private final Ed25519Verifier verifier;

    /** Checks signatures with {@code verifier}. */
    public DisputesVectors(Ed25519Verifier verifier) {
        this.verifier = verifier;
    }

    /** A decoded test case. */
    public record TestCase(DisputesExtrinsic input, DisputesState preState, byte[] output, DisputesState postState) {}

    @Override
    public TestCase decode(byte[] bin, ChainParams p) {
        Decoder r = new Decoder(bin);
        DisputesExtrinsic in = DisputesExtrinsic.decode(r, p);
        DisputesState pre = readState(r, p);
        int from = r.position();
        int tag = r.u8();
        if (tag == 0) {
            r.varSeq(Ed25519Public.SIZE, "offenders_mark", Ed25519Public::decode);
        } else if (tag == 1) {
            int code = r.u8();
            if (code >= DisputesError.values().length) {
                throw r.error("unknown error code " + code);
            }
        } else {
            throw r.error("bad output discriminator " + tag);
        }
        byte[] out = Arrays.copyOfRange(bin, from, r.position());
        DisputesState post = readState(r, p);
        r.expectEnd();
        return new TestCase(in, pre, out, post);
    }

    private static DisputesState readState(Decoder r, ChainParams p) {
        return new DisputesState(DisputesRecords.decode(r, p), AvailabilityAssignments.decode(r, p), r.u32(),
                ValidatorKeys.decode(r, p), ValidatorKeys.decode(r, p));
    }

    /** The ok output as {@code disputes.asn} encodes it: the offenders mark H_o (GP eq. 10.20). */
    public static byte[] encodeOutput(List<Ed25519Public> offendersMark) {
        return new Encoder().u8(0).varSeq(offendersMark, (x, k) -> k.encode(x)).toByteArray();
    }

    /** The error output as {@code disputes.asn} encodes it: the error's index. */
    public static byte[] encodeOutput(DisputesError e) {
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
    public Outcome apply(TestCase tc, ChainParams p) {
        DisputesResult res = new Disputes(verifier, p).apply(tc.preState(), tc.input());
        return switch (res) {
            case DisputesResult.Ok(List<Ed25519Public> mark, DisputesState s) ->
                    new Outcome(encodeOutput(mark), "ok, " + mark.size() + " offenders", fields(s, p));
            case DisputesResult.Err(DisputesError e) ->
                    new Outcome(encodeOutput(e), "err " + e.asnName(), fields(tc.preState(), p));
        };
    }

    /** ψ, ρ, τ, κ, λ each encoded on its own. */
    static byte[][] fields(DisputesState s, ChainParams p) {
        return new byte[][] {
            StfCheck.encode(s.psi()::encode, p), StfCheck.encode(s.rho()::encode, p),
            new Encoder(4).u32(s.tau()).toByteArray(), StfCheck.encode(s.kappa()::encode, p),
            StfCheck.encode(s.lambda()::encode, p)
        };
    }
}
