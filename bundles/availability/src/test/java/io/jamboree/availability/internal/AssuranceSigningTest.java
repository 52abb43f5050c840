package io.jamboree.availability.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.crypto.Ed25519;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.stf.reports.Ed25519Signatures;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The assurer signs what the assurances STF checks (GP eq. 11.13: X_A ⌢ H(E(H_p, f))). */
final class AssuranceSigningTest {

    @Test
    void signatureChecksWithTheStfsVerification() {
        ValidatorSecrets s = DevKeys.secrets(3);
        Hash anchor = TestPackages.hash(new Random(9));
        byte[] bits = {2};
        byte[] sig = Ed25519.sign(s.ed25519SecretSeed(), Assurer.signedMessage(anchor, bits));
        byte[] msg = io.jamboree.core.hash.Blake2b256.hash(anchor.bytes(), bits);
        assertTrue(Ed25519Signatures.verify(Ed25519::verify, s.ed25519(), Ed25519Signatures.AVAILABLE, msg,
                new Ed25519Signature(sig)));
        // another bitfield or anchor does not verify
        byte[] other = io.jamboree.core.hash.Blake2b256.hash(anchor.bytes(), new byte[] {3});
        assertFalse(Ed25519Signatures.verify(Ed25519::verify, s.ed25519(), Ed25519Signatures.AVAILABLE, other,
                new Ed25519Signature(sig)));
    }

    @Test
    void preimageChecks() {
        byte[] p = {1, 2, 3};
        Hash h = new Hash(io.jamboree.core.hash.Blake2b256.hash(p));
        var a = new AvailabilityMessages.PreimageAnnouncement(9, h, 3);
        assertTrue(Preimages.check(a, p).isEmpty());
        assertTrue(Preimages.check(a, new byte[] {1, 2, 4}).orElseThrow().contains("hashes to"));
        assertTrue(Preimages.check(a, new byte[] {1, 2}).orElseThrow().contains("announced 3"));
    }
}
