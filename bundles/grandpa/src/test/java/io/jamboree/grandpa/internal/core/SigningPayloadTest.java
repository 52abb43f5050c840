package io.jamboree.grandpa.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.crypto.Ed25519;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Hash;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The 97-octet signed payload of spec/grandpa.md §5.1, byte by byte, and signatures over it with a JIP-5 key. */
class SigningPayloadTest {
    private static Hash filled(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return new Hash(x);
    }

    private static final Vote VOTE = new Vote(new Target(filled(0x11), filled(0x22)), 0x01020304L);

    @Test
    void layout() {
        byte[] p = SigningPayload.of(MessageType.PRECOMMIT, VOTE, 0x0A0B0C0D0E0F1011L, 0x21222324L);
        assertEquals(97, p.length);
        // [0,16) the ASCII context "jam_grandpa_vote"
        assertEquals("6a616d5f6772616e6470615f766f7465", Hex.encode(Arrays.copyOfRange(p, 0, 16)).substring(2));
        assertEquals(1, p[16], "type octet: precommit");
        for (int i = 17; i < 49; i++) {
            assertEquals(0x11, p[i], "header hash at " + i);
        }
        for (int i = 49; i < 81; i++) {
            assertEquals(0x22, p[i], "state root at " + i);
        }
        assertArrayEquals(new byte[] {4, 3, 2, 1}, Arrays.copyOfRange(p, 81, 85), "slot u32 LE");
        assertArrayEquals(new byte[] {0x11, 0x10, 0x0F, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A}, Arrays.copyOfRange(p, 85, 93),
                "round u64 LE");
        assertArrayEquals(new byte[] {0x24, 0x23, 0x22, 0x21}, Arrays.copyOfRange(p, 93, 97), "set id u32 LE");
        assertEquals(0, SigningPayload.of(MessageType.PREVOTE, VOTE, 1, 0)[16]);
        assertEquals(2, SigningPayload.of(MessageType.PRIMARY_PROPOSE, VOTE, 1, 0)[16]);
    }

    @Test
    void signatureBindsTypeRoundAndSet() {
        ValidatorSecrets s = DevKeys.secrets(0);
        SignedMessage m = SigningPayload.sign(MessageType.PREVOTE, VOTE, 7, 3, s.ed25519SecretSeed(), s.ed25519());
        assertTrue(m.verify(7, 3));
        // the signature is a plain Ed25519 signature of the payload under the validator's key
        assertTrue(Ed25519.verify(s.ed25519Public(), SigningPayload.of(MessageType.PREVOTE, VOTE, 7, 3),
                m.signature().bytes()));
        assertFalse(m.verify(8, 3), "another round");
        assertFalse(m.verify(7, 4), "another set");
        assertFalse(new SignedMessage(MessageType.PRECOMMIT, VOTE, m.signature(), m.voter()).verify(7, 3),
                "another type");
        Vote otherRoot = new Vote(new Target(filled(0x11), filled(0x23)), VOTE.slot());
        assertFalse(new SignedMessage(MessageType.PREVOTE, otherRoot, m.signature(), m.voter()).verify(7, 3),
                "another state root");
        ValidatorSecrets s1 = DevKeys.secrets(1);
        assertFalse(new SignedMessage(MessageType.PREVOTE, VOTE, m.signature(), s1.ed25519()).verify(7, 3),
                "another key");
    }
}
