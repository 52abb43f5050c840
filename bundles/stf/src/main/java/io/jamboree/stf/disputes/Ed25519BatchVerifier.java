package io.jamboree.stf.disputes;

/**
 * An {@link Ed25519Verifier} that can also check several signatures at once (GP §3.8.2; ZIP-215 batch
 * verification, whose cofactored batch equation agrees with one-by-one verification). The disputes, reports
 * and assurances transitions try a batch first and, only if it fails, check one by one in their usual order,
 * so their error outcomes are those of single verification.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Ed25519BatchVerifier extends Ed25519Verifier {
    /** Whether every {@code signatures[i]} is a valid signature of {@code messages[i]} by {@code publicKeys[i]}. */
    boolean verifyAll(byte[][] publicKeys, byte[][] messages, byte[][] signatures);

    /**
     * Whether all the given signatures are valid by {@code verifier}'s batch check; false (check one by one)
     * when {@code verifier} has none or there are fewer than two.
     */
    static boolean allValid(Ed25519Verifier verifier, byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
        return publicKeys.length >= 2 && verifier instanceof Ed25519BatchVerifier b
                && b.verifyAll(publicKeys, messages, signatures);
    }
}
