package io.jamboree.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What this node's auditor (GP 0.7.2 §17) has done so far, for the node's statistics (Prometheus metrics, logs):
 * announcements (JAMNP-S CE 144), audits, judgments (CE 145), no-shows, verdicts and culprits.
 */
@ProviderType
public interface AuditActivity {
    /** The counters since the auditor started. */
    AuditCounts counts();
}
