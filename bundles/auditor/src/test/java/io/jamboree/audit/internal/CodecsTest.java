package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Ed25519;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CE 144 and CE 145 messages (JAMNP-S) and the signatures of GP 0.7.2 §17.3, §10.2. */
class CodecsTest {
    private static final ValidatorSecrets ALICE = ValidatorSecrets.fromSeed(new byte[32]);
    private static final ValidatorSecrets BOB = ValidatorSecrets.fromSeed(TrancheSelectionTest.filled(1));
    private static final Hash REPORT = new Hash(TrancheSelectionTest.filled(0xab));
    private static final Hash HEADER = new Hash(TrancheSelectionTest.filled(0xcd));

    @Test
    void judgmentSignsTheValidOrInvalidContextAndTheReportHash() {
        JudgmentPublication j = JudgmentPublication.sign(ALICE.ed25519SecretSeed(), 7, 3, true, REPORT, null);
        byte[] msg = ("jam_valid").getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[msg.length + 32];
        System.arraycopy(msg, 0, expected, 0, msg.length);
        System.arraycopy(REPORT.bytes(), 0, expected, msg.length, 32);
        assertTrue(Ed25519.verify(ALICE.ed25519Public(), expected, j.signature()));
        assertTrue(j.verify(ALICE.ed25519Public()));
        assertFalse(j.verify(BOB.ed25519Public()));
        // the same signature does not pass as an invalid judgment
        JudgmentPublication flipped = new JudgmentPublication(7, 3, false, REPORT, j.signature(), null);
        assertFalse(flipped.verify(ALICE.ed25519Public()));
        JudgmentPublication neg = JudgmentPublication.sign(ALICE.ed25519SecretSeed(), 7, 3, false, REPORT, null);
        byte[] inv = "jam_invalid".getBytes(StandardCharsets.US_ASCII);
        byte[] expectedInv = new byte[inv.length + 32];
        System.arraycopy(inv, 0, expectedInv, 0, inv.length);
        System.arraycopy(REPORT.bytes(), 0, expectedInv, inv.length, 32);
        assertTrue(Ed25519.verify(ALICE.ed25519Public(), expectedInv, neg.signature()));
    }

    @Test
    void judgmentWireFormat() {
        JudgmentPublication j = JudgmentPublication.sign(ALICE.ed25519SecretSeed(), 0x01020304L, 0x0506, true,
                REPORT, null);
        byte[] first = j.encodeFirst();
        // Epoch Index (u32 LE) ++ Validator Index (u16 LE) ++ Validity (1) ++ hash ++ signature
        assertEquals("04030201" + "0605" + "01" + "ab".repeat(32) + Hex.plain(j.signature()), Hex.plain(first));
        assertNull(j.encodeGuarantee());
        JudgmentPublication back = JudgmentPublication.decode(first, null);
        assertEquals(j.epoch(), back.epoch());
        assertEquals(j.validator(), back.validator());
        assertTrue(back.valid());
        assertArrayEquals(j.signature(), back.signature());

        JudgmentPublication.Guarantee g = new JudgmentPublication.Guarantee(9, List.of(
                new ValidatorSignature(1, new Ed25519Signature(TrancheSelectionTest.filled64(0x11))),
                new ValidatorSignature(4, new Ed25519Signature(TrancheSelectionTest.filled64(0x22)))));
        JudgmentPublication neg = JudgmentPublication.sign(ALICE.ed25519SecretSeed(), 1, 2, false, REPORT, g);
        assertEquals("00", Hex.plain(neg.encodeFirst()).substring(12, 14));
        // Slot (u32) ++ len (2) ++ [u16 index ++ 64-octet signature]
        assertEquals("09000000" + "02" + "0100" + "11".repeat(64) + "0400" + "22".repeat(64),
                Hex.plain(neg.encodeGuarantee()));
        JudgmentPublication nb = JudgmentPublication.decode(neg.encodeFirst(), neg.encodeGuarantee());
        assertFalse(nb.valid());
        assertEquals(9, nb.guarantee().slot());
        assertEquals(4, nb.guarantee().signatures().get(1).validatorIndex());
        assertTrue(nb.verify(ALICE.ed25519Public()));
        // malformed input gets a clear error
        assertThrows(RuntimeException.class, () -> JudgmentPublication.decode(new byte[10], null));
        byte[] badValidity = neg.encodeFirst();
        badValidity[6] = 2;
        assertThrows(RuntimeException.class, () -> JudgmentPublication.decode(badValidity, null));
        assertThrows(RuntimeException.class, () -> JudgmentPublication.decode(first, neg.encodeGuarantee()),
                "a positive judgment with a guarantee");
    }

    @Test
    void announcementSignatureAndWireFormat() {
        List<AuditItem> items = List.of(new AuditItem(1, REPORT), new AuditItem(0, HEADER));
        byte[] msg = AuditContexts.announcementMessage(0, items, HEADER);
        // X_I ⌢ n ⌢ len ⌢ (E_2(c) ⌢ H(w))* ⌢ H(H)
        assertEquals(Hex.plain("jam_announce".getBytes(StandardCharsets.US_ASCII)) + "00" + "02"
                + "0100" + "ab".repeat(32) + "0000" + "cd".repeat(32) + "cd".repeat(32), Hex.plain(msg));
        byte[] sig = AuditAnnouncement.sign(ALICE.ed25519SecretSeed(), 0, items, HEADER);
        byte[] s0 = BandersnatchVrf.ietfProve(ALICE.bandersnatchSecret(),
                AuditContexts.trancheZeroInput(TrancheSelectionTest.filled(5)), new byte[0]);
        AuditAnnouncement a = new AuditAnnouncement(HEADER, 0, items, sig,
                new AuditAnnouncement.Evidence.FirstTranche(s0));
        assertTrue(a.verifySignature(ALICE.ed25519Public()));
        assertFalse(a.verifySignature(BOB.ed25519Public()));
        byte[] first = a.encodeFirst();
        assertEquals("cd".repeat(32) + "00" + "02" + "0100" + "ab".repeat(32) + "0000" + "cd".repeat(32)
                + Hex.plain(sig), Hex.plain(first));
        assertArrayEquals(s0, a.encodeEvidence());
        AuditAnnouncement back = AuditAnnouncement.decode(first, a.encodeEvidence());
        assertEquals(items, back.items());
        assertTrue(back.verifySignature(ALICE.ed25519Public()));

        // a tranche-1 announcement carrying one no-show of tranche 0
        List<AuditItem> one = List.of(new AuditItem(1, REPORT));
        byte[] sig1 = AuditAnnouncement.sign(BOB.ed25519SecretSeed(), 1, one, HEADER);
        byte[] sn = BandersnatchVrf.ietfProve(BOB.bandersnatchSecret(),
                AuditContexts.laterTrancheInput(TrancheSelectionTest.filled(5), REPORT, 1), new byte[0]);
        AuditAnnouncement later = new AuditAnnouncement(HEADER, 1, one, sig1, new AuditAnnouncement.Evidence.Subsequent(
                List.of(new AuditAnnouncement.ReportEvidence(sn, List.of(new AuditAnnouncement.NoShow(0, items, sig))))));
        byte[] ev = later.encodeEvidence();
        assertEquals(96 + 1 + 2 + 1 + 2 * 34 + 64, ev.length);
        AuditAnnouncement lb = AuditAnnouncement.decode(later.encodeFirst(), ev);
        AuditAnnouncement.Evidence.Subsequent s = (AuditAnnouncement.Evidence.Subsequent) lb.evidence();
        assertEquals(0, s.reports().get(0).noShows().get(0).validator());
        assertEquals(items, s.reports().get(0).noShows().get(0).items());
        assertTrue(lb.verifySignature(BOB.ed25519Public()));
        // truncated evidence is refused
        assertThrows(RuntimeException.class, () -> AuditAnnouncement.decode(later.encodeFirst(),
                java.util.Arrays.copyOf(ev, ev.length - 1)));
        assertThrows(RuntimeException.class, () -> AuditAnnouncement.decode(first, new byte[95]));
    }
}
