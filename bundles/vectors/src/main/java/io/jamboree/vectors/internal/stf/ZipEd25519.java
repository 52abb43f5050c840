package io.jamboree.vectors.internal.stf;

import io.jamboree.crypto.Ed25519;
import io.jamboree.stf.disputes.Ed25519BatchVerifier;

/** jam-crypto's ZIP-215 Ed25519 verifier, single and batched, as the node binds it, for the STF vectors. */
public final class ZipEd25519 implements Ed25519BatchVerifier {
    public static final ZipEd25519 INSTANCE = new ZipEd25519();

    private ZipEd25519() {}

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    @Override
    public boolean verifyAll(byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
        return Ed25519.verifyBatch(publicKeys, messages, signatures);
    }
}
