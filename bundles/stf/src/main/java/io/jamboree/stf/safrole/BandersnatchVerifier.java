package io.jamboree.stf.safrole;

/**
 * The Bandersnatch IETF VRF signature check {@code s ∈ F̄_k^x⟨m⟩} and its output Y(s) (GP §3.8.1), which the
 * block seal H_s and entropy source H_v need (GP §6.4, eq. 6.15–6.17); passed in by the caller, bound to
 * jam-crypto's {@code BandersnatchVrf} in the {@link io.jamboree.stf.StateTransition} component.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface BandersnatchVerifier {

    /** Whether {@code signature} (96 octets) signs {@code message} with context {@code context} by {@code publicKey}. */
    boolean verify(byte[] publicKey, byte[] context, byte[] message, byte[] signature);

    /** Y(signature): the 32-octet VRF output of a signature (valid or not: the caller verifies first). */
    byte[] output(byte[] signature);
}
