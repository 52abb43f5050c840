package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Hash;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Tranche selection (GP 0.7.2 §17.3). Expected core orders were worked out from the GP definitions of F and Q_l
 * (Appendix F) outside this code base (an independent script over Blake2b-256); the tiny ones can be checked by
 * hand: Q_2(h)_0 is the little-endian word of the first four octets of H(h ⌢ E_4(0)), and its parity picks the
 * first core.
 */
class TrancheSelectionTest {
    private static final Hash W = new Hash(filled(0x77));

    @Test
    void tinyTrancheZeroFollowsTheParityOfTheFirstShuffleWord() {
        // H(0x02^32 ⌢ 0^4) starts a6 02 17 3a: 0x3a1702a6 is even, so p = [(0, q_0), (1, q_1)]
        assertArrayEquals(new int[] {0, 1}, TrancheSelection.trancheZero(new Hash[] {W, W}, filled(0x02)));
        // H(0x01^32 ⌢ 0^4) starts 2d d1 cc ea: 0xeaccd12d is odd, so p = [(1, q_1), (0, q_0)]
        assertArrayEquals(new int[] {1, 0}, TrancheSelection.trancheZero(new Hash[] {W, W}, filled(0x01)));
        // empty cores are dropped from a_0
        assertArrayEquals(new int[] {0}, TrancheSelection.trancheZero(new Hash[] {W, null}, filled(0x01)));
        assertArrayEquals(new int[] {}, TrancheSelection.trancheZero(new Hash[] {null, null}, filled(0x01)));
    }

    @Test
    void fullTrancheZeroTakesTheFirstTenShuffledCores() {
        Hash[] q = new Hash[341];
        Arrays.fill(q, W);
        byte[] y = new byte[32];
        for (int i = 0; i < 32; i++) {
            y[i] = (byte) i;
        }
        assertArrayEquals(new int[] {213, 174, 36, 148, 230, 128, 303, 78, 40, 33}, TrancheSelection.trancheZero(q, y));
        // with cores 174 and 40 empty, they are left out and the selection is not topped up from entry 11 on
        q[174] = null;
        q[40] = null;
        assertArrayEquals(new int[] {213, 36, 148, 230, 128, 303, 78, 33}, TrancheSelection.trancheZero(q, y));
        Arrays.fill(q, W);
        assertArrayEquals(new int[] {268, 181, 317, 274, 113, 303, 93, 213, 78, 67},
                TrancheSelection.trancheZero(q, filled(0xff)));
    }

    @Test
    void laterTranchesDrawAgainstTheNoShowsWithBiasTwo() {
        // tiny: V/(256·2)·y < m  ⇔  6y < 512m: one no-show selects y ≤ 85, two select y ≤ 170
        assertTrue(TrancheSelection.laterTranche(6, 2, 85, 1));
        assertFalse(TrancheSelection.laterTranche(6, 2, 86, 1));
        assertTrue(TrancheSelection.laterTranche(6, 2, 170, 2));
        assertFalse(TrancheSelection.laterTranche(6, 2, 171, 2));
        assertFalse(TrancheSelection.laterTranche(6, 2, 0, 0), "no no-shows, no audit");
        // full: 1023y < 512m: one no-show selects only y = 0, two select y ≤ 1, six y ≤ 3
        assertTrue(TrancheSelection.laterTranche(1023, 2, 0, 1));
        assertFalse(TrancheSelection.laterTranche(1023, 2, 1, 1));
        assertTrue(TrancheSelection.laterTranche(1023, 2, 1, 2));
        assertFalse(TrancheSelection.laterTranche(1023, 2, 2, 2));
        assertTrue(TrancheSelection.laterTranche(1023, 2, 3, 6));
        assertFalse(TrancheSelection.laterTranche(1023, 2, 4, 6));
    }

    @Test
    void trancheZeroVrfIsVerifiableWithTheAuditorsKeyOnly() {
        ValidatorSecrets alice = ValidatorSecrets.fromSeed(new byte[32]);
        ValidatorSecrets bob = ValidatorSecrets.fromSeed(filled(1));
        byte[] entropy = filled(0x42);
        byte[] input = AuditContexts.trancheZeroInput(entropy);
        assertEquals("jam_audit", new String(input, 0, 9, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(9 + 32, input.length);
        byte[] s0 = BandersnatchVrf.ietfProve(alice.bandersnatchSecret(), input, new byte[0]);
        assertTrue(BandersnatchVrf.ietfVerify(alice.bandersnatchPublic(), input, new byte[0], s0));
        assertFalse(BandersnatchVrf.ietfVerify(bob.bandersnatchPublic(), input, new byte[0], s0));
        assertFalse(BandersnatchVrf.ietfVerify(alice.bandersnatchPublic(), AuditContexts.trancheZeroInput(filled(0x43)),
                new byte[0], s0), "another block's entropy");
        // the output is a function of key and input only: the same block gives the same draw
        assertArrayEquals(BandersnatchVrf.vrfOutput(s0),
                BandersnatchVrf.vrfOutput(BandersnatchVrf.ietfProve(alice.bandersnatchSecret(), input, new byte[0])));
        byte[] later = AuditContexts.laterTrancheInput(entropy, W, 3);
        assertEquals(9 + 32 + 32 + 1, later.length);
        assertEquals(3, later[later.length - 1]);
        assertEquals(0x77, later[9 + 32] & 0xff);
    }

    static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    static byte[] filled64(int b) {
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
