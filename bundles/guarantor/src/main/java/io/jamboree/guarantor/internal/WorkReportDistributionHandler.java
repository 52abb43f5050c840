package io.jamboree.guarantor.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.types.ReportGuarantee;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * JAMNP-S CE 135, work-report distribution (guarantor → validator): the guaranteed work report E(r, t, a) (GP
 * §11.4, eq. 11.23), FIN; answered with FIN. Its signatures are checked against the validator keys, then it joins the local
 * extrinsic pool, from which this node's blocks fill E_G.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=135",
        StreamHandler.MAX_MESSAGE + ":Integer=" + WorkReportDistributionHandler.MAX_BYTES})
public final class WorkReportDistributionHandler implements StreamHandler {
    /** The largest guaranteed report: W_R plus the fixed parts, generously. */
    static final int MAX_BYTES = 1 << 20;

    private volatile GuarantorComponent guarantor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindGuarantor(GuarantorComponent g) {
        guarantor = g;
    }

    void unbindGuarantor(GuarantorComponent g) {
        if (guarantor == g) {
            guarantor = null;
        }
    }

    @Override
    public void handle(Stream s) throws Exception {
        GuarantorComponent g = guarantor;
        if (g == null) {
            s.reset("this node runs no guarantor");
            return;
        }
        byte[] m = GuarantorHandlers.required(s, "CE 135", "a guaranteed work report");
        s.readFin();
        ReportGuarantee rg;
        try {
            Decoder d = new Decoder(m);
            rg = ReportGuarantee.decode(d, g.params());
            d.expectEnd();
        } catch (CodecException | IllegalArgumentException e) {
            throw new ProtocolViolationException("CE 135: malformed guaranteed report: " + e.getMessage(), e);
        }
        try {
            g.node().receive(rg);
        } catch (WorkReportException e) {
            throw new ProtocolViolationException("CE 135: " + e.getMessage());
        }
        s.finish();
    }
}
