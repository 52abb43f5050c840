package io.jamboree.audit.internal;

import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The announcements of this node's validators (GP 0.7.2 §17.3 eq. initialaudit, latertranches, announcement): the
 * tranche-0 draw {@code a_0} from {@code s_0 = Y-signature on X_U ⌢ Y(H_V)} and its signed announcement with the
 * VRF signature as evidence; for a later tranche {@code n}, {@code s_n(w)} on {@code X_U ⌢ Y(H_V) ⌢ H(w) ⌢ n} and
 * the announcement of one report with it and the no-shows that drew it.
 */
final class OwnAnnouncements {
    private OwnAnnouncements() {}

    /** Validator {@code v}'s tranche-0 announcement of block {@code b}; null when {@code a_0} is empty. */
    static AuditAnnouncement trancheZero(BlockAudit b, ValidatorSecrets v) {
        byte[] s0 = BandersnatchVrf.ietfProve(v.bandersnatchSecret(), AuditContexts.trancheZeroInput(b.entropy()),
                new byte[0]);
        int[] cores = TrancheSelection.trancheZero(b.hashes(), BandersnatchVrf.vrfOutput(s0));
        if (cores.length == 0) {
            return null;
        }
        // x_n encodes a set (eq. announcement): in ascending core order
        int[] sorted = cores.clone();
        Arrays.sort(sorted);
        List<AuditItem> items = new ArrayList<>();
        for (int c : sorted) {
            items.add(new AuditItem(c, b.hashes()[c]));
        }
        return new AuditAnnouncement(b.header(), 0, items, AuditAnnouncement.sign(v.ed25519SecretSeed(), 0, items,
                b.header()), new AuditAnnouncement.Evidence.FirstTranche(s0));
    }

    /** {@code s_n(w)}: validator {@code v}'s VRF signature drawing report {@code w} of block {@code b} in tranche n. */
    static byte[] laterVrf(BlockAudit b, ValidatorSecrets v, Hash w, int tranche) {
        return BandersnatchVrf.ietfProve(v.bandersnatchSecret(), AuditContexts.laterTrancheInput(b.entropy(), w,
                tranche), new byte[0]);
    }

    /** Whether {@code s_n(w)} draws the report with {@code noShows} no-shows (eq. latertranches). */
    static boolean drawn(byte[] sn, int validators, int bias, int noShows) {
        return TrancheSelection.laterTranche(validators, bias, BandersnatchVrf.vrfOutput(sn)[0] & 0xff, noShows);
    }

    /** Validator {@code v}'s announcement of {@code item} in later tranche {@code n}, with its evidence. */
    static AuditAnnouncement later(BlockAudit b, ValidatorSecrets v, AuditItem item, int tranche, byte[] sn,
            List<AuditAnnouncement.NoShow> noShows) {
        List<AuditItem> items = List.of(item);
        return new AuditAnnouncement(b.header(), tranche, items,
                AuditAnnouncement.sign(v.ed25519SecretSeed(), tranche, items, b.header()),
                new AuditAnnouncement.Evidence.Subsequent(List.of(new AuditAnnouncement.ReportEvidence(sn, noShows))));
    }
}
