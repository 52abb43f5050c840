package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.assurances.Assurances;
import io.jamboree.stf.assurances.AssurancesError;
import io.jamboree.stf.assurances.AssurancesInput;
import io.jamboree.stf.assurances.AssurancesResult;
import io.jamboree.stf.assurances.AssurancesState;
import io.jamboree.types.WorkReport;
import java.util.List;

/** The assurances vectors ({@code assurances.asn}) against {@link Assurances} (GP §11.2). */
public final class AssurancesVectors implements StfSubsystem<AssurancesInput, AssurancesState> {

    /** The one instance. */
    public static final AssurancesVectors INSTANCE = new AssurancesVectors();

    private AssurancesVectors() {}

    @Override
    public AssurancesInput decodeInput(Decoder d, ChainParams p) {
        return AssurancesInput.decode(d, p);
    }

    @Override
    public AssurancesState decodeState(Decoder d, ChainParams p) {
        return AssurancesState.decode(d, p);
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        if (d.u8() == 0) {
            d.varSeq(1, "reported", x -> WorkReport.decode(x, p));
        } else {
            AssurancesError.ofCode(d.u8());
        }
        return true;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return AssurancesState.FIELDS;
    }

    @Override
    public byte[][] fields(AssurancesState s, ChainParams p) {
        return StfCheck.fields(AssurancesState.FIELDS.size(), i -> s.encodeField(i, p));
    }

    @Override
    public Outcome<AssurancesState> apply(AssurancesInput in, AssurancesState pre, ChainParams p) {
        AssurancesResult res = Assurances.transition(pre, in, p, ZipEd25519.INSTANCE);
        return new Outcome<>(StfCheck.encode(res::encodeOutput, p), String.valueOf(res),
                res instanceof AssurancesResult.Ok ok ? ok.postState() : pre);
    }
}
