package io.jamboree.audit.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.Judgement;
import io.jamboree.types.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Verdicts from judgments (GP 0.7.2 §10.2 eq. verdicts): a verdict holds exactly {@code ⌊2V/3⌋ + 1} judgments,
 * ordered by validator index and without duplicates, and the sum of its positive ones is one of {@code ⌊2V/3⌋ + 1}
 * (good), {@code 0} (bad) or {@code ⌊V/3⌋} (wonky). Tiny (V = 6): 5 judgments, good 5, wonky 2, bad 0; full
 * (V = 1023): 683 judgments, good 683, wonky 341, bad 0.
 */
final class VerdictRule {
    private VerdictRule() {}

    /** {@code ⌊2V/3⌋ + 1}: the judgments in a verdict and the positive ones of a good verdict. */
    static int superMajority(int validators) {
        return validators * 2 / 3 + 1;
    }

    /** {@code ⌊V/3⌋}: the positive judgments of a wonky verdict. */
    static int wonky(int validators) {
        return validators / 3;
    }

    /** Whether a positive count is one a verdict may have: 0, ⌊V/3⌋ or ⌊2V/3⌋ + 1. */
    static boolean allowedPositives(int validators, int positives) {
        return positives == 0 || positives == wonky(validators) || positives == superMajority(validators);
    }

    /**
     * The verdict the known judgments support, preferring bad (⌊2V/3⌋ + 1 negative), then good (as many
     * positive), then wonky (⌊V/3⌋ positive and the rest negative); the judgments of the lowest validator indices
     * are taken; a validator that judged both ways is left out. Empty while none can be formed.
     *
     * @param positive the positive judgments known (at most one per validator)
     * @param negative the negative judgments known (at most one per validator)
     * @param epoch    the verdict's age: the epoch of the key set the judgments' indices refer to
     */
    static Optional<Verdict> verdict(Hash report, long epoch, int validators, Collection<Judgement> positive,
            Collection<Judgement> negative) {
        int s = superMajority(validators);
        int third = wonky(validators);
        java.util.Set<Integer> both = new java.util.HashSet<>();
        for (Judgement p : positive) {
            for (Judgement n : negative) {
                if (p.index() == n.index()) {
                    both.add(p.index()); // judged both ways: left out of verdicts (GP §10.2: no duplicates)
                }
            }
        }
        List<Judgement> pos = sorted(positive, both);
        List<Judgement> neg = sorted(negative, both);
        List<Judgement> votes;
        if (neg.size() >= s) {
            votes = new ArrayList<>(neg.subList(0, s));
        } else if (pos.size() >= s) {
            votes = new ArrayList<>(pos.subList(0, s));
        } else if (pos.size() >= third && neg.size() >= s - third) {
            votes = new ArrayList<>(pos.subList(0, third));
            votes.addAll(neg.subList(0, s - third));
        } else {
            return Optional.empty();
        }
        votes.sort(Comparator.comparingInt(Judgement::index));
        return Optional.of(new Verdict(report, epoch, votes));
    }

    /** The number of positive judgments in a verdict. */
    static int positives(Verdict v) {
        int n = 0;
        for (Judgement j : v.votes()) {
            if (j.vote()) {
                n++;
            }
        }
        return n;
    }

    private static List<Judgement> sorted(Collection<Judgement> js, java.util.Set<Integer> leaveOut) {
        List<Judgement> out = new ArrayList<>();
        for (Judgement j : js) {
            if (!leaveOut.contains(j.index())) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparingInt(Judgement::index));
        return out;
    }
}
