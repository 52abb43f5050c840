package io.jamboree.stf.disputes;

/**
 * The Ed25519 signature check {@code s ∈ E_k⟨m⟩} (GP §3.8.2) that the disputes, reports and assurances
 * transitions need, passed to them by the caller; the node binds it to jam-crypto's ZIP-215 verifier in the
 * {@link io.jamboree.stf.StateTransition} component.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface Ed25519Verifier {
    /** Whether {@code signature} (64 octets) is a valid signature of {@code message} by {@code publicKey} (32). */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
