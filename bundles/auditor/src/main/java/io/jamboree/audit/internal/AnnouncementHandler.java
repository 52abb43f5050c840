package io.jamboree.audit.internal;

import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * JAMNP-S CE 144, audit announcement (GP 0.7.2 §17.3): {@code Header Hash ++ Tranche ++ Announcement}, then the
 * evidence, then FIN. An undecodable announcement, or one whose signature or VRF evidence does not check against the
 * block's validator set, is a protocol violation.
 */
@Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=144",
        StreamHandler.MAX_MESSAGE + ":Integer=1048576"})
public final class AnnouncementHandler implements StreamHandler {
    private volatile Auditor auditor;

    public AnnouncementHandler() {
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
        byte[] evidence = first == null ? null : stream.read();
        if (first == null || evidence == null) {
            throw new ProtocolViolationException("CE 144: FIN before the announcement and its evidence");
        }
        stream.readFin();
        AuditAnnouncement ann;
        try {
            ann = AuditAnnouncement.decode(first, evidence);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException("CE 144: undecodable announcement: " + e.getMessage(), e);
        }
        if (!a.receiveAnnouncement(stream.peer(), ann)) {
            throw new ProtocolViolationException("CE 144: announcement does not check (see the audit log)");
        }
    }
}
