package io.jamboree.audit.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.Judgement;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What this node knows of the audit of one work report (GP 0.7.2 §17.3): {@code A_n(w)}, the validators that
 * announced it per tranche (with their announcements, evidence of later no-shows), and {@code J_⊤(w)},
 * {@code J_⊥(w)}, the validators that judged it valid or invalid (whatever the tranche). Not thread-safe: the
 * auditor guards it.
 */
final class ReportAudit {
    private final Hash hash;
    private final WorkReport report;
    private final int validators;
    private final Map<Integer, Set<Integer>> announced = new TreeMap<>();
    private final Map<Integer, Map<Integer, AuditAnnouncement>> announcements = new HashMap<>();
    private final Map<Integer, JudgmentPublication> positive = new TreeMap<>();
    private final Map<Integer, JudgmentPublication> negative = new TreeMap<>();

    ReportAudit(Hash hash, WorkReport report, int validators) {
        this.hash = hash;
        this.report = report;
        this.validators = validators;
    }

    Hash hash() {
        return hash;
    }

    WorkReport report() {
        return report;
    }

    /** Records that {@code validator} announced this report in {@code tranche}; false if it already had. */
    boolean announce(int tranche, int validator, AuditAnnouncement announcement) {
        for (Set<Integer> s : announced.values()) {
            if (s.contains(validator)) {
                return false; // JAMNP-S: a report is announced by an auditor in one tranche only
            }
        }
        announced.computeIfAbsent(tranche, t -> new TreeSet<>()).add(validator);
        if (announcement != null) {
            announcements.computeIfAbsent(tranche, t -> new HashMap<>()).put(validator, announcement);
        }
        return true;
    }

    /** Records a judgment; false if the validator had already judged the same way. */
    boolean judge(JudgmentPublication j) {
        Map<Integer, JudgmentPublication> side = j.valid() ? positive : negative;
        return side.putIfAbsent(j.validator(), j) == null;
    }

    /** {@code A_n(w)}. */
    Set<Integer> announced(int tranche) {
        return announced.getOrDefault(tranche, Set.of());
    }

    /** Whether {@code validator} announced this report in any tranche. */
    boolean hasAnnounced(int validator) {
        for (Set<Integer> s : announced.values()) {
            if (s.contains(validator)) {
                return true;
            }
        }
        return false;
    }

    /** {@code A_n(w) \ J_⊤(w)}: the no-shows of tranche {@code n}. */
    List<Integer> noShows(int tranche) {
        List<Integer> out = new ArrayList<>();
        for (int v : announced(tranche)) {
            if (!positive.containsKey(v) && !negative.containsKey(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether every validator that announced this report (any tranche) has judged it. */
    boolean allJudged() {
        for (Set<Integer> a : announced.values()) {
            for (int v : a) {
                if (!positive.containsKey(v) && !negative.containsKey(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The announcement of {@code validator} in {@code tranche}, if received. */
    AuditAnnouncement announcement(int tranche, int validator) {
        Map<Integer, AuditAnnouncement> m = announcements.get(tranche);
        return m == null ? null : m.get(validator);
    }

    int positives() {
        return positive.size();
    }

    int negatives() {
        return negative.size();
    }

    List<Judgement> positiveJudgements() {
        List<Judgement> out = new ArrayList<>();
        for (JudgmentPublication j : positive.values()) {
            out.add(j.toJudgement());
        }
        return out;
    }

    List<Judgement> negativeJudgements() {
        List<Judgement> out = new ArrayList<>();
        for (JudgmentPublication j : negative.values()) {
            out.add(j.toJudgement());
        }
        return out;
    }

    List<JudgmentPublication> positivePublications() {
        return List.copyOf(positive.values());
    }

    List<JudgmentPublication> negativePublications() {
        return List.copyOf(negative.values());
    }

    /**
     * {@code U(w)} (GP §17.3): no negative judgment and some tranche whose (non-empty) announcers all judged it
     * valid, or positive judgments from more than two thirds of the validators.
     */
    boolean audited() {
        if (3 * positive.size() > 2 * validators) {
            return true;
        }
        if (!negative.isEmpty()) {
            return false;
        }
        for (Set<Integer> a : announced.values()) {
            if (!a.isEmpty() && positive.keySet().containsAll(a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether at least a third of the validators judged it invalid: its chain is disregarded (GP §17.3, §19). */
    boolean rejected() {
        return 3 * negative.size() >= validators;
    }
}
