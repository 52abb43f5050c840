package io.jamboree.guarantor.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAMNP-S CE 146, work-package bundle submission (builder → guarantor): {@code Core Index ++ Segments-Root
 * Mappings}, the work package (at most 200 KiB), the extrinsic data, the imported segments and their import proofs,
 * FIN; answered with FIN. This node takes bundles without imports (no mappings, no segments, no proofs); others are
 * refused with a reset naming the reason.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=146",
        StreamHandler.MAX_MESSAGE + ":Integer=" + WorkPackageSubmissionHandler.MAX_BYTES})
public final class BundleSubmissionHandler implements StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BundleSubmissionHandler.class);

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
        byte[] first = GuarantorHandlers.required(s, "CE 146", "Core Index ++ Segments-Root Mappings");
        byte[] pkg = GuarantorHandlers.required(s, "CE 146", "the work package");
        if (pkg.length > GuarantorNode.MAX_PACKAGE_BYTES) {
            throw new ProtocolViolationException("CE 146: a work package of " + pkg.length + " octets, over "
                    + GuarantorNode.MAX_PACKAGE_BYTES);
        }
        byte[] data = GuarantorHandlers.required(s, "CE 146", "the extrinsic data");
        byte[] segments = GuarantorHandlers.required(s, "CE 146", "the imported segments");
        byte[] proofs = GuarantorHandlers.required(s, "CE 146", "the import proofs");
        s.readFin();
        int core;
        int mappings;
        try {
            core = GuarantorMessages.core(first);
            mappings = GuarantorMessages.mappings(first);
        } catch (CodecException e) {
            throw GuarantorHandlers.malformed("CE 146", e);
        }
        if (mappings > 0 || segments.length > 0 || proofs.length > 0) {
            s.reset("bundles with imported segments are not taken by this node yet");
            return;
        }
        try {
            g.submitted(core, g.node().parse(pkg, data));
        } catch (WorkReportException e) {
            LOG.info("CE 146 from {}: bundle refused: {}", s.peer(), e.getMessage());
            s.reset("bundle refused: " + e.getMessage());
            return;
        }
        s.finish();
    }
}
