package io.jamboree.guarantor.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAMNP-S CE 134, work-package sharing (guarantor → guarantor): {@code Core Index ++ Segments-Root Mappings}, the
 * work-package bundle, FIN; answered with {@code Work-Report Hash ++ Ed25519 Signature}, FIN, when this node is a
 * guarantor of the core and Ξ gives a report (GP §14.4, signed as GP eq. 11.26). A refused package resets the
 * stream with the reason; a malformed message is a protocol violation.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=134",
        StreamHandler.MAX_MESSAGE + ":Integer=" + WorkPackageSubmissionHandler.MAX_BYTES})
public final class WorkPackageSharingHandler implements StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WorkPackageSharingHandler.class);

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
        byte[] first = GuarantorHandlers.required(s, "CE 134", "Core Index ++ Segments-Root Mappings");
        byte[] bundle = GuarantorHandlers.required(s, "CE 134", "the work-package bundle");
        s.readFin();
        int core;
        try {
            core = GuarantorMessages.core(first);
            if (GuarantorMessages.mappings(first) > 0) {
                s.reset("segment-root mappings are not taken by this node yet");
                return;
            }
        } catch (CodecException e) {
            throw GuarantorHandlers.malformed("CE 134", e);
        }
        GuarantorNode.ShareResponse r;
        try {
            r = g.node().refineShared(core, bundle);
        } catch (CodecException e) {
            throw GuarantorHandlers.malformed("CE 134", e);
        } catch (WorkReportException e) {
            LOG.info("CE 134 from {}: not signing: {}", s.peer(), e.getMessage());
            s.reset("not signing: " + e.getMessage());
            return;
        }
        s.write(GuarantorMessages.shareResponse(r));
        s.finish();
    }
}
