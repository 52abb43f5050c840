package io.jamboree.stf.reports;

import io.jamboree.stf.SigningContexts;
import io.jamboree.stf.disputes.Ed25519Verifier;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;

/**
 * Ed25519 signature checks of guarantees (GP eq:guarantorsig, context {@code X_G = jam_guarantee}) and
 * assurances (GP eq:assurancesig, context {@code X_A = jam_available}), with the verifier the caller binds
 * (jam-crypto's ZIP-215 verifier in the node).
 * The Graypaper writes the contexts with a {@code $} prefix; the signed bytes carry none (confirmed by the
 * vectors).
 */
public final class Ed25519Signatures {

    /** {@code X_G}: the guarantee signing context ({@link SigningContexts#GUARANTEE}). */
    public static final byte[] GUARANTEE = SigningContexts.bytes(SigningContexts.GUARANTEE);
    /** {@code X_A}: the assurance signing context ({@link SigningContexts#AVAILABLE}). */
    public static final byte[] AVAILABLE = SigningContexts.bytes(SigningContexts.AVAILABLE);

    private Ed25519Signatures() {}

    /** The signed bytes {@code context ⌢ message}. */
    public static byte[] message(byte[] context, byte[] message) {
        byte[] m = new byte[context.length + message.length];
        System.arraycopy(context, 0, m, 0, context.length);
        System.arraycopy(message, 0, m, context.length, message.length);
        return m;
    }

    /** Verifies {@code signature} over {@code context ⌢ message} under {@code key} with {@code verifier}. */
    public static boolean verify(Ed25519Verifier verifier, Ed25519Public key, byte[] context, byte[] message,
            Ed25519Signature signature) {
        byte[] m = new byte[context.length + message.length];
        System.arraycopy(context, 0, m, 0, context.length);
        System.arraycopy(message, 0, m, context.length, message.length);
        return verifier.verify(key.bytes(), m, signature.bytes());
    }
}
