package io.jamboree.guarantor.internal;

import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkReport;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * JAMNP-S CE 136, work-report request (auditor → auditor): {@code Work-Report Hash}, FIN; answered with the work
 * report, FIN, when this node guaranteed, signed or received it; otherwise the stream is reset.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=136",
        StreamHandler.MAX_MESSAGE + ":Integer=" + Hash.SIZE})
public final class WorkReportRequestHandler implements StreamHandler {
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
        byte[] m = GuarantorHandlers.required(s, "CE 136", "a work-report hash");
        s.readFin();
        if (m.length != Hash.SIZE) {
            throw new ProtocolViolationException("CE 136: a work-report hash is 32 octets, got " + m.length);
        }
        Optional<WorkReport> r = g.report(new Hash(m));
        if (r.isEmpty()) {
            s.reset("work report " + new Hash(m) + " is not known here");
            return;
        }
        s.write(r.get().toBytes(g.params()));
        s.finish();
    }
}
