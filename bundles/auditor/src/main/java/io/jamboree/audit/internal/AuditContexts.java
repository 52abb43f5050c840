package io.jamboree.audit.internal;

import io.jamboree.types.Hash;
import io.jamboree.stf.SigningContexts;
import java.util.List;

/**
 * The signed messages and VRF inputs of auditing (GP 0.7.2 §17.3 eq. initialaudit, latertranches, announcement,
 * judgments) and of judgments in verdicts (§10.2), over the contexts of {@link SigningContexts} (Appendix I.4.5):
 * {@code X_U}, {@code X_I}, {@code X_⊤}, {@code X_⊥} and {@code X_G}.
 */
final class AuditContexts {
    static final byte[] X_AUDIT = SigningContexts.bytes(SigningContexts.AUDIT);
    static final byte[] X_ANNOUNCE = SigningContexts.bytes(SigningContexts.ANNOUNCE);

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
        return SigningContexts.judgment(valid, report.bytes());
    }

    /** {@code X_G ⌢ H(w)}: what a guarantor signed (§11.4 eq. guarantorsig), the culprit's proof (§10.2). */
    static byte[] guaranteeMessage(Hash report) {
        return SigningContexts.message(SigningContexts.GUARANTEE, report.bytes());
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
}
