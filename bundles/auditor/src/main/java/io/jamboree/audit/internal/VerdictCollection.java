package io.jamboree.audit.internal;

import io.jamboree.types.Culprit;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collection of judgments into disputes for the block author (GP 0.7.2 §10.2, §17): once a report has a negative
 * judgment and enough judgments for a verdict ({@link VerdictRule}), the verdict; for a verdict that is not good,
 * the report's guarantors as culprits; and the judgments that dissent from a good or bad verdict as faults. Each is
 * handed to the {@link AuditPorts.DisputeSink} once. Not thread-safe: the engine guards it.
 */
final class VerdictCollection {
    private static final Logger LOG = LoggerFactory.getLogger(VerdictCollection.class);
    private final int validators;
    private final AuditPorts.DisputeSink disputes;
    private final AuditStatistics stats;
    private final Map<Hash, Verdict> verdicts = new HashMap<>();
    private final Set<String> faultsSent = new HashSet<>();

    VerdictCollection(int validators, AuditPorts.DisputeSink disputes, AuditStatistics stats) {
        this.validators = validators;
        this.disputes = disputes;
        this.stats = stats;
    }

    /** After a judgment on {@code ra} (made available by {@code b}): a verdict once it can be formed, then faults. */
    void collect(ReportAudit ra, BlockAudit b) {
        if (ra.negatives() == 0 || b == null) {
            return;
        }
        Verdict v = verdicts.get(ra.hash());
        if (v == null) {
            v = VerdictRule.verdict(ra.hash(), b.epoch(), validators, ra.positiveJudgements(),
                    ra.negativeJudgements()).orElse(null);
            if (v == null) {
                return;
            }
            verdicts.put(ra.hash(), v);
            int pos = VerdictRule.positives(v);
            String kind = pos == 0 ? "bad" : pos == VerdictRule.superMajority(validators) ? "good" : "wonky";
            disputes.verdict(v);
            stats.verdicts.incrementAndGet();
            int culprits = 0;
            if (!kind.equals("good")) {
                for (Culprit c : b.culprits().getOrDefault(ra.hash(), List.of())) {
                    disputes.culprit(c);
                    culprits++;
                }
                stats.culprits.addAndGet(culprits);
            }
            LOG.warn("audit: verdict on report {} of core {}: {} ({} of {} judgments valid); submitted with {} "
                    + "culprit(s): {}", shortHex(ra.hash()), b.coreOf(ra.hash()), kind, pos, v.votes().size(), culprits,
                    culpritKeys(b.culprits().getOrDefault(ra.hash(), List.of())));
        }
        // faults: judgments that dissent with the verdict (GP §10.2: f_v ⇔ the report is not bad)
        boolean reportGood = VerdictRule.positives(v) == VerdictRule.superMajority(validators);
        if (VerdictRule.positives(v) != 0 && !reportGood) {
            return; // a wonky verdict has no faults
        }
        List<JudgmentPublication> dissent = reportGood ? ra.negativePublications() : ra.positivePublications();
        for (JudgmentPublication j : dissent) {
            if (j.epoch() != b.epoch() || !faultsSent.add(ra.hash().hex() + "/" + j.validator())) {
                continue;
            }
            Ed25519Public key = b.validators().get(j.validator()).ed25519();
            disputes.fault(new Fault(ra.hash(), j.valid(), key, new Ed25519Signature(j.signature())));
            stats.faults.incrementAndGet();
            LOG.warn("audit: fault of validator {} ({}) on report {}", j.validator(), key.hex().substring(0, 12),
                    shortHex(ra.hash()));
        }
    }

    /** Forgets a report (its block is forgotten). */
    void forget(Hash report) {
        verdicts.remove(report);
        String prefix = report.hex() + "/";
        faultsSent.removeIf(k -> k.startsWith(prefix));
    }

    private static String culpritKeys(List<Culprit> cs) {
        List<String> out = new ArrayList<>();
        for (Culprit c : cs) {
            out.add(c.key().hex().substring(0, 12));
        }
        return out.toString();
    }

    private static String shortHex(Hash h) {
        return AuditEngine.shortHex(h);
    }
}
