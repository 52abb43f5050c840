package io.jamboree.audit.internal;

import io.jamboree.audit.AuditCounts;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the auditor (logged in its "audit: ..." lines and on shutdown, and the node's metrics). */
final class AuditStatistics {
    final AtomicLong blocks = new AtomicLong();
    final AtomicLong reports = new AtomicLong();
    final AtomicLong announcementsSent = new AtomicLong();
    final AtomicLong announcementsReceived = new AtomicLong();
    final AtomicLong announcementsRefused = new AtomicLong();
    final AtomicLong audits = new AtomicLong();
    final AtomicLong auditsFailed = new AtomicLong();
    final AtomicLong judgmentsSent = new AtomicLong();
    final AtomicLong judgmentsReceived = new AtomicLong();
    final AtomicLong judgmentsRefused = new AtomicLong();
    final AtomicLong judgmentsForwarded = new AtomicLong();
    final AtomicLong negativeJudgments = new AtomicLong();
    final AtomicLong noShows = new AtomicLong();
    final AtomicLong auditedReports = new AtomicLong();
    final AtomicLong verdicts = new AtomicLong();
    final AtomicLong culprits = new AtomicLong();
    final AtomicLong faults = new AtomicLong();

    /** A snapshot for the node's statistics. */
    AuditCounts counts() {
        return new AuditCounts(reports.get(), announcementsSent.get(), announcementsReceived.get(), audits.get(),
                auditsFailed.get(), judgmentsSent.get(), judgmentsReceived.get(), judgmentsForwarded.get(),
                negativeJudgments.get(), noShows.get(), verdicts.get(), culprits.get());
    }

    @Override
    public String toString() {
        return "blocks=" + blocks + " reports=" + reports + " audited=" + auditedReports + " audits=" + audits
                + " failed=" + auditsFailed + " announcements sent=" + announcementsSent + " received="
                + announcementsReceived + " refused=" + announcementsRefused + " judgments sent=" + judgmentsSent
                + " received=" + judgmentsReceived + " refused=" + judgmentsRefused + " forwarded=" + judgmentsForwarded + " negative=" + negativeJudgments
                + " no-shows=" + noShows + " verdicts=" + verdicts + " culprits=" + culprits + " faults=" + faults;
    }
}
