package io.jamboree.rpc.internal;

import io.jamboree.audit.AuditCounts;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;

/**
 * The auditor's statistics (GP 0.7.2 §17, JAMNP-S CE 144/145) as Prometheus counters: announcements issued and
 * received, audits, judgments issued, received and forwarded, negative judgments, no-shows, verdicts and culprits.
 * Nothing is reported while the node runs no auditor.
 */
final class AuditMetrics {
    private AuditMetrics() {}

    static void register(PrometheusRegistry registry, Supplier<AuditCounts> counts) {
        CounterWithCallback.builder().name("jam_audit_announcements")
                .help("Audit announcements (CE 144): issued by this node's validators, received from others")
                .labelNames("direction").callback(cb -> {
                    AuditCounts c = counts.get();
                    if (c != null) {
                        cb.call(c.announcementsSent(), "issued");
                        cb.call(c.announcementsReceived(), "received");
                    }
                }).register(registry);
        CounterWithCallback.builder().name("jam_audit_judgments")
                .help("Judgments (CE 145): issued by this node's validators, received from others, negative ones"
                        + " forwarded to grid neighbours")
                .labelNames("direction").callback(cb -> {
                    AuditCounts c = counts.get();
                    if (c != null) {
                        cb.call(c.judgmentsSent(), "issued");
                        cb.call(c.judgmentsReceived(), "received");
                        cb.call(c.judgmentsForwarded(), "forwarded");
                    }
                }).register(registry);
        counter(registry, "jam_audit_negative_judgments", "Negative judgments issued or received", counts,
                AuditCounts::negativeJudgments);
        counter(registry, "jam_audit_no_shows", "Auditors that announced a tranche and judged nothing before the next"
                + " (GP 17.3 no-shows, counted per report and tranche)", counts, AuditCounts::noShows);
        counter(registry, "jam_audit_reports", "Work reports made available in the blocks audited", counts,
                AuditCounts::reports);
        counter(registry, "jam_audits", "Reports this node re-executed to a judgment", counts, AuditCounts::audits);
        counter(registry, "jam_audits_failed", "Audits this node could not do (no bundle or state)", counts,
                AuditCounts::auditsFailed);
        counter(registry, "jam_audit_verdicts", "Verdicts collected from judgments for the block author", counts,
                AuditCounts::verdicts);
        counter(registry, "jam_audit_culprits", "Guarantors of reports judged bad, submitted as culprits", counts,
                AuditCounts::culprits);
    }

    private static void counter(PrometheusRegistry registry, String name, String help, Supplier<AuditCounts> counts,
            java.util.function.ToLongFunction<AuditCounts> value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> {
            AuditCounts c = counts.get();
            if (c != null) {
                cb.call(value.applyAsLong(c));
            }
        }).register(registry);
    }
}
