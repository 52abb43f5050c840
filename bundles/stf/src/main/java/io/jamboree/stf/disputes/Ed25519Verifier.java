package io.jamboree.stf.disputes;

/**
 * The Ed25519 signature check {@code s ∈ E_k⟨m⟩} (GP §3.8.2) the disputes transition needs; bound to the
 * jam-crypto ZIP-215 verifier by {@link Disputes#create()}.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface Ed25519Verifier {
    /** Whether {@code signature} (64 octets) is a valid signature of {@code message} by {@code publicKey} (32). */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
