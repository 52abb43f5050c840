package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.reports.Reports;
import io.jamboree.stf.reports.ReportsError;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsResult;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ReportedWorkPackage;
import java.util.List;

/** The reports vectors ({@code reports.asn}) against {@link Reports} (GP §11.3–11.5). */
public final class ReportsVectors implements StfSubsystem<ReportsInput, ReportsState> {

    /** The one instance. */
    public static final ReportsVectors INSTANCE = new ReportsVectors();

    private ReportsVectors() {}

    @Override
    public ReportsInput decodeInput(Decoder d, ChainParams p) {
        return ReportsInput.decode(d, p);
    }

    @Override
    public ReportsState decodeState(Decoder d, ChainParams p) {
        return ReportsState.decode(d, p);
    }

    @Override
    public boolean skipOutput(Decoder d, ChainParams p) {
        if (d.u8() == 0) {
            d.varSeq(64, "reported", x -> ReportedWorkPackage.decode(x, p));
            d.varSeq(32, "reporters", Ed25519Public::decode);
        } else {
            ReportsError.ofCode(d.u8());
        }
        return true;
    }

    @Override
    public List<String> fieldNames(ChainParams p) {
        return ReportsState.FIELDS;
    }

    @Override
    public byte[][] fields(ReportsState s, ChainParams p) {
        return StfCheck.fields(ReportsState.FIELDS.size(), i -> s.encodeField(i, p));
    }

    @Override
    public Outcome<ReportsState> apply(ReportsInput in, ReportsState pre, ChainParams p) {
        ReportsResult res = Reports.transition(pre, in, p, ZipEd25519.INSTANCE);
        byte[] out = StfCheck.encode(res::encodeOutput, p);
        return switch (res) {
            case ReportsResult.Ok ok -> new Outcome<>(out, "ok, " + ok.reported().size() + " reported", ok.postState());
            case ReportsResult.Err err -> new Outcome<>(out, "err " + err.error(), pre);
        };
    }
}
