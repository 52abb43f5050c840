package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.codec.CodecException;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAMNP-S CE 133, work-package submission (builder → guarantor, also on {@code /builder} connections):
 * {@code Core Index ++ Work-Package} (at most 2 + 200 KiB), the concatenated extrinsic data, FIN; answered with FIN
 * once the package is accepted for guaranteeing. A package this node cannot guarantee (not on the core, not
 * authorized, data not matching) resets the stream with the reason; a malformed message is a protocol violation.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=133",
        StreamHandler.MAX_MESSAGE + ":Integer=" + WorkPackageSubmissionHandler.MAX_BYTES})
public final class WorkPackageSubmissionHandler implements StreamHandler {
    /** The largest message: the extrinsic data, bounded by the bundle size W_B of the full parameters. */
    static final int MAX_BYTES = 14 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(WorkPackageSubmissionHandler.class);

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
        byte[] first = GuarantorHandlers.required(s, "CE 133", "Core Index ++ Work-Package");
        if (first.length > 2 + GuarantorNode.MAX_PACKAGE_BYTES) {
            throw new ProtocolViolationException("CE 133: a first message of " + first.length + " octets, over "
                    + (2 + GuarantorNode.MAX_PACKAGE_BYTES));
        }
        byte[] data = GuarantorHandlers.required(s, "CE 133", "the extrinsic data");
        s.readFin();
        int core;
        try {
            core = GuarantorMessages.core(first);
        } catch (CodecException e) {
            throw GuarantorHandlers.malformed("CE 133", e);
        }
        try {
            WorkPackageBundle b = g.node().parse(Arrays.copyOfRange(first, 2, first.length), data);
            g.submitted(core, b);
        } catch (WorkReportException e) {
            LOG.info("CE 133 from {}: package refused: {}", s.peer(), e.getMessage());
            s.reset("package refused: " + e.getMessage());
            return;
        }
        s.finish();
    }
}
