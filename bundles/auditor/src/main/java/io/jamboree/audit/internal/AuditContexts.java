package io.jamboree.audit.internal;

import io.jamboree.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The signing contexts and signed messages of auditing (GP 0.7.2 §17.3 eq. initialaudit, latertranches,
 * announcement, judgments) and of judgments in verdicts (§10.2): {@code X_U = "$jam_audit"},
 * {@code X_I = "$jam_announce"}, {@code X_⊤ = "$jam_valid"}, {@code X_⊥ = "$jam_invalid"} (Appendix I.4.5; the
 * {@code $} is not part of the octets).
 */
final class AuditContexts {
    static final byte[] X_AUDIT = ascii("jam_audit");
    static final byte[] X_ANNOUNCE = ascii("jam_announce");
    static final byte[] X_VALID = ascii("jam_valid");
    static final byte[] X_INVALID = ascii("jam_invalid");
    /** X_G: the one copy the reports transition checks guarantees with. */
    static final byte[] X_GUARANTEE = io.jamboree.stf.reports.Ed25519Signatures.GUARANTEE;

    private AuditContexts() {}

    /** {@code X_U ⌢ Y(H_V)}: the VRF input of {@code s_0} (eq. initialaudit), with an empty message. */
    static byte[] trancheZeroInput(byte[] entropyOutput) {
        check32(entropyOutput, "Y(H_V)");
        return concat(X_AUDIT, entropyOutput);
    }

    /** {@code X_U ⌢ Y(H_V) ⌢ H(w) ⌢ n}: the VRF input of {@code s_n(w)} (eq. latertranches), n one octet. */
    static byte[] laterTrancheInput(byte[] entropyOutput, Hash reportHash, int tranche) {
        check32(entropyOutput, "Y(H_V)");
        checkTranche(tranche);
        byte[] out = new byte[X_AUDIT.length + 64 + 1];
        System.arraycopy(X_AUDIT, 0, out, 0, X_AUDIT.length);
        System.arraycopy(entropyOutput, 0, out, X_AUDIT.length, 32);
        System.arraycopy(reportHash.bytes(), 0, out, X_AUDIT.length + 32, 32);
        out[out.length - 1] = (byte) tranche;
        return out;
    }

    /**
     * {@code X_I ⌢ n ⌢ x_n ⌢ H(H)} (eq. announcement), {@code x_n} the encoded sequence of
     * {@code E_2(c) ⌢ H(w)} (a length prefix, then 34 octets per entry), n one octet.
     */
    static byte[] announcementMessage(int tranche, List<AuditItem> announced, Hash header) {
        checkTranche(tranche);
        byte[] items = AuditAnnouncement.encodeItems(announced);
        byte[] out = new byte[X_ANNOUNCE.length + 1 + items.length + 32];
        int o = 0;
        System.arraycopy(X_ANNOUNCE, 0, out, o, X_ANNOUNCE.length);
        o += X_ANNOUNCE.length;
        out[o++] = (byte) tranche;
        System.arraycopy(items, 0, out, o, items.length);
        o += items.length;
        System.arraycopy(header.bytes(), 0, out, o, 32);
        return out;
    }

    /** {@code X_⊤ ⌢ H(w)} or {@code X_⊥ ⌢ H(w)} (eq. judgments; §10.2 eq. 10.3). */
    static byte[] judgmentMessage(boolean valid, Hash report) {
        return concat(valid ? X_VALID : X_INVALID, report.bytes());
    }

    /** {@code X_G ⌢ H(w)}: what a guarantor signed (§11.4 eq. guarantorsig), the culprit's proof (§10.2). */
    static byte[] guaranteeMessage(Hash report) {
        return concat(X_GUARANTEE, report.bytes());
    }

    private static void checkTranche(int tranche) {
        if (tranche < 0 || tranche > 255) {
            throw new IllegalArgumentException("a tranche is one octet, got " + tranche);
        }
    }

    private static void check32(byte[] b, String what) {
        if (b == null || b.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 octets");
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
