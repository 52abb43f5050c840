package io.jamboree.audit.internal;

import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Ed25519;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The check of another validator's audit announcement (GP 0.7.2 §17.3 eq. announcement; JAMNP-S CE 144): its
 * signature by the block's validator, the announced reports being those the block made available, and the VRF
 * evidence: {@code s_0} and {@code a_0} for tranche 0 (eq. initialaudit), for a later tranche each report's
 * {@code s_n(w)} with the no-shows' signed announcements of the tranche before, drawn by {@code m_n} (eq.
 * latertranches), unless the report has a negative judgment (then every validator may audit it).
 */
final class AnnouncementVerification {
    private final int validators;
    private final int bias;
    private final Predicate<Hash> negativeJudged;

    /**
     * @param negativeJudged whether a report has a negative judgment already
     */
    AnnouncementVerification(int validators, int bias, Predicate<Hash> negativeJudged) {
        this.validators = validators;
        this.bias = bias;
        this.negativeJudged = negativeJudged;
    }

    /**
     * The validator that signed an announcement received from the peer with key {@code sender}: the sender's own
     * index, or, when the signature is not the sender's, another validator whose key it checks with (a node holding
     * several validators' keys, as a dev network's can, sends all their announcements on its one connection);
     * -1 when the sender is no validator of the block.
     */
    static int signer(BlockAudit b, byte[] sender, AuditAnnouncement a) {
        int v = b.indexOf(sender);
        if (v < 0 || a.verifySignature(b.validators().get(v).ed25519().bytes())) {
            return v;
        }
        for (int i = 0; i < b.validators().size(); i++) {
            if (i != v && a.verifySignature(b.validators().get(i).ed25519().bytes())) {
                return i;
            }
        }
        return v;
    }

    /** Why the announcement of validator {@code v} does not check; null when it does. */
    String check(BlockAudit b, int v, AuditAnnouncement a) {
        ValidatorKey key = b.validators().get(v);
        if (!a.verifySignature(key.ed25519().bytes())) {
            return "bad signature of validator " + v;
        }
        for (AuditItem i : a.items()) {
            if (i.core() >= b.hashes().length || !i.report().equals(b.hashes()[i.core()])) {
                return "core " + i.core() + " made no report " + shortHex(i.report()) + " available";
            }
        }
        byte[] bs = key.bandersnatch().bytes();
        switch (a.evidence()) {
            case AuditAnnouncement.Evidence.FirstTranche f -> {
                byte[] s0 = f.vrfSignature();
                if (!BandersnatchVrf.ietfVerify(bs, AuditContexts.trancheZeroInput(b.entropy()), new byte[0], s0)) {
                    return "bad s_0";
                }
                int[] expected = TrancheSelection.trancheZero(b.hashes(), BandersnatchVrf.vrfOutput(s0));
                int[] announced = cores(a.items());
                Arrays.sort(expected);
                Arrays.sort(announced);
                if (!Arrays.equals(expected, announced)) {
                    return "a_0 is " + Arrays.toString(expected) + ", announced " + Arrays.toString(cores(a.items()));
                }
            }
            case AuditAnnouncement.Evidence.Subsequent sub -> {
                for (int k = 0; k < a.items().size(); k++) {
                    AuditItem item = a.items().get(k);
                    AuditAnnouncement.ReportEvidence ev = sub.reports().get(k);
                    byte[] sn = ev.vrfSignature();
                    if (!BandersnatchVrf.ietfVerify(bs, AuditContexts.laterTrancheInput(b.entropy(), item.report(),
                            a.tranche()), new byte[0], sn)) {
                        return "bad s_n(w) for core " + item.core();
                    }
                    Set<Integer> seen = new HashSet<>();
                    for (AuditAnnouncement.NoShow n : ev.noShows()) {
                        if (n.validator() >= b.validators().size() || !seen.add(n.validator())) {
                            return "bad no-show validator " + n.validator();
                        }
                        byte[] msg = AuditContexts.announcementMessage(a.tranche() - 1, n.items(), b.header());
                        if (!Ed25519.verify(b.validators().get(n.validator()).ed25519().bytes(),
                                msg, n.signature())) {
                            return "bad no-show announcement of validator " + n.validator();
                        }
                    }
                    int y0 = BandersnatchVrf.vrfOutput(sn)[0] & 0xff;
                    boolean drawn = TrancheSelection.laterTranche(validators, bias, y0, ev.noShows().size());
                    if (!drawn && !negativeJudged.test(item.report())) {
                        return "core " + item.core() + " not drawn with " + ev.noShows().size() + " no-shows";
                    }
                }
            }
        }
        return null;
    }

    private static int[] cores(java.util.List<AuditItem> items) {
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).core();
        }
        return out;
    }

    private static String shortHex(Hash h) {
        return AuditEngine.shortHex(h);
    }
}
