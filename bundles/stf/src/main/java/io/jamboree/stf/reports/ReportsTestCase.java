package io.jamboree.stf.reports;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ReportedWorkPackage;
import java.util.Arrays;

/**
 * A decoded reports STF test vector ({@code reports.asn} TestCase: input, pre_state, output, post_state).
 * The expected output is kept as its encoding.
 */
public record ReportsTestCase(ReportsInput input, ReportsState preState, byte[] output, ReportsState postState) {

    public static ReportsTestCase decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        ReportsInput in = ReportsInput.decode(d, p);
        ReportsState pre = ReportsState.decode(d, p);
        int from = d.position();
        if (d.u8() == 0) {
            d.varSeq(64, "reported", x -> ReportedWorkPackage.decode(x, p));
            d.varSeq(32, "reporters", Ed25519Public::decode);
        } else {
            ReportsError.ofCode(d.u8());
        }
        byte[] out = Arrays.copyOfRange(bin, from, d.position());
        ReportsState post = ReportsState.decode(d, p);
        d.expectEnd();
        return new ReportsTestCase(in, pre, out, post);
    }
}
