package io.jamboree.audit;

/**
 * The auditor's counters since it started (GP 0.7.2 §17.3, §10.2).
 *
 * @param reports               work reports that became available in the blocks followed (each audited once)
 * @param announcementsSent     audit announcements (CE 144) this node's validators issued, any tranche
 * @param announcementsReceived announcements of other validators received and verified
 * @param audits                reports this node re-executed to a result
 * @param auditsFailed          audits that could not be done (no bundle, no state): a no-show of this node
 * @param judgmentsSent         judgments (CE 145) this node's validators issued
 * @param judgmentsReceived     judgments of other validators received and verified
 * @param judgmentsForwarded    negative judgments forwarded to grid neighbours (JAMNP-S CE 145)
 * @param negativeJudgments     negative judgments, issued or received
 * @param noShows               validators that announced a tranche and judged nothing before the next one
 * @param verdicts              verdicts collected from judgments and handed to the block author
 * @param culprits              culprits (guarantors of a report judged bad) handed to the block author
 */
public record AuditCounts(long reports, long announcementsSent, long announcementsReceived, long audits,
        long auditsFailed, long judgmentsSent, long judgmentsReceived, long judgmentsForwarded,
        long negativeJudgments, long noShows, long verdicts, long culprits) {}
