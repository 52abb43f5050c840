package io.jamboree.stf.safrole;

import io.jamboree.stf.SigningContexts;
import io.jamboree.types.Hash;

/**
 * The Bandersnatch signing contexts of Safrole (GP 0.7.2 §6.4 eq. 6.15–6.17, §6.7 eq. 6.29; constants
 * X_T = "$jam_ticket_seal", X_F = "$jam_fallback_seal", X_E = "$jam_entropy" of Appendix I.4.5, the "$" not
 * being part of the octets).
 */
public final class SealContexts {
    private static final byte[] X_TICKET = SigningContexts.bytes(SigningContexts.TICKET_SEAL);
    private static final byte[] X_FALLBACK = SigningContexts.bytes(SigningContexts.FALLBACK_SEAL);
    private static final byte[] X_ENTROPY = SigningContexts.bytes(SigningContexts.ENTROPY);

    private SealContexts() {}

    /**
     * X_T ⌢ η ⌢ attempt: the ring-proof context of a ticket (eq. 6.29, with η'_2) and the seal context of a
     * ticket-sealed block (eq. 6.15, with η'_3).
     */
    public static byte[] ticket(Hash eta, int attempt) {
        byte[] out = new byte[X_TICKET.length + Hash.SIZE + 1];
        System.arraycopy(X_TICKET, 0, out, 0, X_TICKET.length);
        System.arraycopy(eta.bytes(), 0, out, X_TICKET.length, Hash.SIZE);
        out[out.length - 1] = (byte) attempt;
        return out;
    }

    /** X_F ⌢ η'_3: the seal context of a fallback-sealed block (eq. 6.16). */
    public static byte[] fallback(Hash eta3) {
        return concat(X_FALLBACK, eta3.bytes());
    }

    /** X_E ⌢ Y(H_s): the context of the entropy source H_v (eq. 6.17). */
    public static byte[] entropy(byte[] sealOutput) {
        return concat(X_ENTROPY, sealOutput);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
