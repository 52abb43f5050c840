package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.preimages.PreimageIntegration;
import io.jamboree.stf.preimages.PreimagesError;
import io.jamboree.stf.preimages.PreimagesInput;
import io.jamboree.stf.preimages.PreimagesResult;
import io.jamboree.stf.preimages.PreimagesState;
import java.util.List;

/** The preimages vectors ({@code preimages.asn}) against {@link PreimageIntegration} (GP §12.4). */
public final class PreimagesVectors implements StfSubsystem<PreimagesInput, PreimagesState> {

    /** The one instance. */
    public static final PreimagesVectors INSTANCE = new PreimagesVectors();

    private PreimagesVectors() {}

    @Override
    public PreimagesInput decodeInput(Decoder d, ChainParams p) {
        return PreimagesInput.decode(d, p);
    }

    @Override
    public PreimagesState decodeState(Decoder d, ChainParams p) {
        return PreimagesState.decode(d, p);
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        if (d.u8() != 0) {
            PreimagesError.ofCode(d.u8());
        }
        return true;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return PreimagesState.FIELDS;
    }

    @Override
    public byte[][] fields(PreimagesState s, ChainParams p) {
        return StfCheck.fields(PreimagesState.FIELDS.size(), i -> s.encodeField(i, p));
    }

    @Override
    public Outcome<PreimagesState> apply(PreimagesInput in, PreimagesState pre, ChainParams p) {
        PreimagesResult res = PreimageIntegration.transition(pre, in);
        return new Outcome<>(StfCheck.encode((e, q) -> res.encodeOutput(e), p), res.getClass().getSimpleName(),
                res instanceof PreimagesResult.Ok ok ? ok.postState() : pre);
    }
}
