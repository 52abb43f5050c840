package io.jamboree.audit.internal;

import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * JAMNP-S CE 145, judgment publication (GP 0.7.2 §17.3, §10.2):
 * {@code Epoch Index ++ Validator Index ++ Validity ++ Work-Report Hash ++ Ed25519 Signature}, for a negative one
 * the guarantee, then FIN. An undecodable judgment or one with a bad signature is a protocol violation.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=145",
        StreamHandler.MAX_MESSAGE + ":Integer=4096"})
public final class JudgmentHandler implements StreamHandler {
    private volatile Auditor auditor;

    public JudgmentHandler() {
        // bound by DS
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuditor(Auditor a) {
        auditor = a;
    }

    void unbindAuditor(Auditor a) {
        if (auditor == a) {
            auditor = null;
        }
    }

    @Override
    public void handle(Stream stream) throws Exception {
        Auditor a = auditor;
        if (a == null) {
            stream.reset("the auditor is not running");
            return;
        }
        byte[] first = stream.read();
        if (first == null) {
            throw new ProtocolViolationException("CE 145: FIN without a judgment");
        }
        byte[] guarantee = stream.read();
        if (guarantee != null) {
            stream.readFin();
        }
        JudgmentPublication j;
        try {
            j = JudgmentPublication.decode(first, guarantee);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 145: undecodable judgment: " + e.getMessage(), e);
        }
        if (!a.receiveJudgment(j)) {
            throw new ProtocolViolationException("CE 145: judgment does not check (see the audit log)");
        }
    }
}
