package io.jamboree.stf;

import java.nio.charset.StandardCharsets;

/**
 * The signing contexts of GP 0.7.2 Appendix I.4.5, the one place they are spelt: the Graypaper writes them with a
 * {@code $} prefix, the signed octets carry none (confirmed by the test vectors). Each signed message is a context
 * followed by data ({@link #message}).
 * <ul>
 *   <li>{@code X_A} {@value #AVAILABLE}: assurances (§11.2 eq. assurancesig);</li>
 *   <li>{@code X_B} {@value #BEEFY}: BEEFY commitments (§18);</li>
 *   <li>{@code X_E} {@value #ENTROPY}, {@code X_F} {@value #FALLBACK_SEAL}, {@code X_T} {@value #TICKET_SEAL}: the
 *       block seal and entropy (§6.4, §6.7);</li>
 *   <li>{@code X_G} {@value #GUARANTEE}: guarantees (§11.4 eq. guarantorsig) and culprits (§10.2);</li>
 *   <li>{@code X_I} {@value #ANNOUNCE}, {@code X_U} {@value #AUDIT}: audit announcements and tranche draws
 *       (§17.3);</li>
 *   <li>{@code X_⊤} {@value #VALID}, {@code X_⊥} {@value #INVALID}: judgments (§17.3) in verdicts and faults
 *       (§10.2).</li>
 * </ul>
 */
public final class SigningContexts {
    /** {@code X_A}. */
    public static final String AVAILABLE = "jam_available";
    /** {@code X_B}. */
    public static final String BEEFY = "jam_beefy";
    /** {@code X_E}. */
    public static final String ENTROPY = "jam_entropy";
    /** {@code X_F}. */
    public static final String FALLBACK_SEAL = "jam_fallback_seal";
    /** {@code X_G}. */
    public static final String GUARANTEE = "jam_guarantee";
    /** {@code X_I}. */
    public static final String ANNOUNCE = "jam_announce";
    /** {@code X_T}. */
    public static final String TICKET_SEAL = "jam_ticket_seal";
    /** {@code X_U}. */
    public static final String AUDIT = "jam_audit";
    /** {@code X_⊤}. */
    public static final String VALID = "jam_valid";
    /** {@code X_⊥}. */
    public static final String INVALID = "jam_invalid";

    private SigningContexts() {}

    /** The context's octets (ASCII, without the Graypaper's {@code $}); a new array each call. */
    public static byte[] bytes(String context) {
        return context.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code context ⌢ data}: the message signed under a context. */
    public static byte[] message(String context, byte[] data) {
        int n = context.length();
        byte[] out = new byte[n + data.length];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) context.charAt(i);
        }
        System.arraycopy(data, 0, out, n, data.length);
        return out;
    }

    /** {@code X_⊤ ⌢ data} or {@code X_⊥ ⌢ data}: a judgment's message (§17.3, §10.2 eq. 10.3). */
    public static byte[] judgment(boolean valid, byte[] data) {
        return message(valid ? VALID : INVALID, data);
    }
}
