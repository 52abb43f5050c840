package io.jamboree.grandpa.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.grandpa.internal.core.Commit;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.SigningPayload;
import io.jamboree.grandpa.internal.core.Target;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUp;
import io.jamboree.grandpa.internal.protocol.Messages.CatchUpRequest;
import io.jamboree.grandpa.internal.protocol.Messages.CommitMessage;
import io.jamboree.grandpa.internal.protocol.Messages.JustificationRequest;
import io.jamboree.grandpa.internal.protocol.Messages.StateMessage;
import io.jamboree.grandpa.internal.protocol.Messages.VoteMessage;
import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncFragment;
import io.jamboree.grandpa.internal.protocol.Messages.WarpSyncRequest;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CE 130 and CE 149-153 messages (spec/grandpa.md §5): byte layouts, round trips and size limits. */
class GrandpaCodecTest {
    final ChainParams tiny = ChainParams.tiny();
    final GrandpaCodec codec = new GrandpaCodec(tiny);

    static Hash filled(int b) {
        byte[] x = new byte[32];
        Arrays.fill(x, (byte) b);
        return new Hash(x);
    }

    static final Vote VOTE = new Vote(new Target(filled(0x11), filled(0x22)), 0x01020304L);

    static SignedMessage signed(int validator, MessageType type, Vote v, long round, long set) {
        ValidatorSecrets s = DevKeys.secrets(validator);
        return SigningPayload.sign(type, v, round, set, s.ed25519SecretSeed(), s.ed25519());
    }

    static Header header(long slot, Hash parent) {
        return new Header(parent, filled(3), filled(4), slot, null, null, 1,
                new BandersnatchVrfSignature(new byte[96]), List.of(), new BandersnatchVrfSignature(new byte[96]));
    }

    @Test
    void voteMessageLayout() {
        SignedMessage m = signed(2, MessageType.PRECOMMIT, VOTE, 5, 9);
        byte[] b = codec.encode(new VoteMessage(5, 9, m));
        assertEquals(177, b.length);
        assertArrayEquals(new byte[] {5, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(b, 0, 8), "round u64 LE");
        assertArrayEquals(new byte[] {9, 0, 0, 0}, Arrays.copyOfRange(b, 8, 12), "set id u32 LE");
        assertEquals(1, b[12], "message type");
        assertArrayEquals(filled(0x11).bytes(), Arrays.copyOfRange(b, 13, 45), "header hash");
        assertArrayEquals(filled(0x22).bytes(), Arrays.copyOfRange(b, 45, 77), "state root");
        assertArrayEquals(new byte[] {4, 3, 2, 1}, Arrays.copyOfRange(b, 77, 81), "slot");
        assertArrayEquals(m.signature().bytes(), Arrays.copyOfRange(b, 81, 145), "signature");
        assertArrayEquals(DevKeys.secrets(2).ed25519Public(), Arrays.copyOfRange(b, 145, 177), "key");
        VoteMessage back = codec.decodeVote(b);
        assertEquals(new VoteMessage(5, 9, m), back);
        assertTrue(back.message().verify(5, 9));
    }

    @Test
    void voteMessageRejectsBadTypeAndLength() {
        byte[] b = codec.encode(new VoteMessage(1, 0, signed(0, MessageType.PREVOTE, VOTE, 1, 0)));
        byte[] bad = b.clone();
        bad[12] = 3;
        assertThrows(CodecException.class, () -> codec.decodeVote(bad));
        assertThrows(CodecException.class, () -> codec.decodeVote(Arrays.copyOf(b, 176)));
        assertThrows(CodecException.class, () -> codec.decodeVote(Arrays.copyOf(b, 178)));
    }

    @Test
    void smallMessagesLayout() {
        byte[] s = codec.encode(new StateMessage(0x0102, 7, 0x0A0B));
        assertArrayEquals(new byte[] {2, 1, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0x0B, 0x0A, 0, 0}, s);
        assertEquals(new StateMessage(0x0102, 7, 0x0A0B), codec.decodeState(s));
        byte[] c = codec.encode(new CatchUpRequest(3, 1));
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, c);
        assertEquals(new CatchUpRequest(3, 1), codec.decodeCatchUpRequest(c));
        byte[] w = codec.encode(new WarpSyncRequest(0x01020304L));
        assertArrayEquals(new byte[] {4, 3, 2, 1}, w);
        assertEquals(new WarpSyncRequest(0x01020304L), codec.decodeWarpSyncRequest(w));
        byte[] j = codec.encode(new JustificationRequest(filled(0x33)));
        assertArrayEquals(filled(0x33).bytes(), j);
        assertEquals(new JustificationRequest(filled(0x33)), codec.decodeJustificationRequest(j));
        assertThrows(CodecException.class, () -> codec.decodeState(Arrays.copyOf(s, 15)));
        assertThrows(CodecException.class, () -> codec.decodeCatchUpRequest(Arrays.copyOf(c, 13)));
    }

    private List<SignedMessage> precommits(int n) {
        List<SignedMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(signed(i % 6, MessageType.PRECOMMIT, VOTE, 4, 0));
        }
        return out;
    }

    @Test
    void commitLayoutAndLimit() {
        Commit c = new Commit(VOTE, precommits(5));
        byte[] b = codec.encode(new CommitMessage(4, 0, c));
        // round 8 + set 4 + target 64 + slot 4 + len 1 + 5 x 164
        assertEquals(8 + 4 + 68 + 1 + 5 * 164, b.length);
        assertEquals(5, b[80], "len++ prefix of the precommits");
        // a signed precommit carries no type octet: the vote starts right after the prefix
        assertArrayEquals(filled(0x11).bytes(), Arrays.copyOfRange(b, 81, 113));
        CommitMessage back = codec.decodeCommit(b);
        assertEquals(c, back.commit());
        assertTrue(back.commit().precommits().get(4).verify(4, 0));
        // 2V = 12 precommits is the most a commit may hold
        assertEquals(12, codec.decodeCommit(codec.encode(new CommitMessage(4, 0, new Commit(VOTE, precommits(12)))))
                .commit().precommits().size());
        byte[] tooMany = codec.encode(new CommitMessage(4, 0, new Commit(VOTE, precommits(13))));
        assertTrue(assertThrows(CodecException.class, () -> codec.decodeCommit(tooMany)).getMessage()
                .contains("maximum"));
        assertTrue(tooMany.length <= codec.maxCommitMessage() + 164);
        assertTrue(b.length <= codec.maxCommitMessage());
    }

    @Test
    void justificationWithAncestriesRoundTrips() {
        Header h = header(7, filled(9));
        Justification j = new Justification(12, 2, new Commit(VOTE, precommits(5)), List.of(h, header(8, filled(8))));
        byte[] b = codec.encode(j);
        assertArrayEquals(new byte[] {12, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0}, Arrays.copyOfRange(b, 0, 12));
        Justification back = codec.decodeJustification(b);
        assertEquals(j.round(), back.round());
        assertEquals(j.setId(), back.setId());
        assertEquals(j.commit(), back.commit());
        assertEquals(2, back.ancestries().size());
        assertEquals(h.hash(tiny), back.ancestries().get(0).hash(tiny));
        assertThrows(CodecException.class, () -> codec.decodeJustification(Arrays.copyOf(b, b.length - 1)));
    }

    @Test
    void catchUpRoundTrips() {
        List<SignedMessage> pv = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pv.add(signed(i, MessageType.PREVOTE, VOTE, 6, 1));
        }
        Vote base = new Vote(new Target(filled(5), filled(6)), 77);
        CatchUp cu = new CatchUp(6, pv, precommits(5), base);
        byte[] b = codec.encode(cu);
        assertEquals(8 + 1 + 6 * 164 + 1 + 5 * 164 + 68, b.length);
        CatchUp back = codec.decodeCatchUp(b);
        assertEquals(cu, back);
        assertEquals(MessageType.PREVOTE, back.prevotes().get(0).type());
        assertEquals(MessageType.PRECOMMIT, back.precommits().get(0).type());
        assertTrue(back.prevotes().get(3).verify(6, 1));
        assertTrue(b.length <= codec.maxCatchUp());
    }

    @Test
    void warpSyncFragmentsRoundTripAndAreCapped() {
        Header h = header(12, filled(1));
        Justification j = new Justification(3, 0, new Commit(VOTE, precommits(5)), List.of());
        List<WarpSyncFragment> fs = List.of(new WarpSyncFragment(h, j), new WarpSyncFragment(header(24, filled(2)), j));
        List<WarpSyncFragment> back = codec.decodeFragments(codec.encodeFragments(fs));
        assertEquals(2, back.size());
        assertEquals(h.hash(tiny), back.get(0).header().hash(tiny));
        assertEquals(j.commit(), back.get(1).justification().commit());
        List<WarpSyncFragment> many = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            many.add(fs.get(0));
        }
        assertThrows(IllegalArgumentException.class, () -> codec.encodeFragments(many));
        // a peer sending 33 fragments is refused on decoding
        byte[] ok = codec.encodeFragments(many.subList(0, 32));
        byte[] one = codec.encodeFragments(List.of(fs.get(0)));
        byte[] tooMany = new byte[ok.length + one.length - 1];
        tooMany[0] = 33;
        System.arraycopy(ok, 1, tooMany, 1, ok.length - 1);
        System.arraycopy(one, 1, tooMany, ok.length, one.length - 1);
        assertThrows(CodecException.class, () -> codec.decodeFragments(tooMany));
    }
}
