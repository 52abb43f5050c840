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
import java.util.List;

/**
 * The disputes vectors ({@code disputes.asn}) against {@link Disputes} (GP §10) with a given Ed25519 verifier; the
 * state fields are ψ, ρ, τ, κ, λ.
 */
public final class DisputesVectors implements StfSubsystem<DisputesExtrinsic, DisputesState> {

    private static final List<String> FIELDS = List.of("psi", "rho", "tau", "kappa", "lambda");

    private final Ed25519Verifier verifier;

    /** Checks signatures with {@code verifier}. */
    public DisputesVectors(Ed25519Verifier verifier) {
        this.verifier = verifier;
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
    public DisputesExtrinsic decodeInput(Decoder d, ChainParams p) {
        return DisputesExtrinsic.decode(d, p);
    }

    @Override
    public DisputesState decodeState(Decoder d, ChainParams p) {
        return new DisputesState(DisputesRecords.decode(d, p), AvailabilityAssignments.decode(d, p), d.u32(),
                ValidatorKeys.decode(d, p), ValidatorKeys.decode(d, p));
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        StfCheck.skipResult(d, DisputesError.values().length, x -> x.varSeq(Ed25519Public.SIZE, "offenders_mark", Ed25519Public::decode));
        return true;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return FIELDS;
    }

    @Override
    public byte[][] fields(DisputesState s, ChainParams p) {
        return new byte[][] {
            StfCheck.encode(s.psi()::encode, p), StfCheck.encode(s.rho()::encode, p),
            new Encoder(4).u32(s.tau()).toByteArray(), StfCheck.encode(s.kappa()::encode, p),
            StfCheck.encode(s.lambda()::encode, p)
        };
    }

    @Override
    public Outcome<DisputesState> apply(DisputesExtrinsic in, DisputesState pre, ChainParams p) {
        return switch (new Disputes(verifier, p).apply(pre, in)) {
            case DisputesResult.Ok(List<Ed25519Public> mark, DisputesState post) ->
                    new Outcome<>(encodeOutput(mark), "ok, " + mark.size() + " offenders", post);
            case DisputesResult.Err(DisputesError e) -> new Outcome<>(encodeOutput(e), "err " + e.asnName(), pre);
        };
    }
}
