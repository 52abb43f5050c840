package io.jamboree.grandpa.internal.protocol;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.grandpa.internal.core.Commit;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.MessageType;
import io.jamboree.grandpa.internal.core.SignedMessage;
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
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;

/**
 * Encoding of the GRANDPA types and stream messages (spec/grandpa.md §5.1-§5.2, draft JAMNP-S PR #6): fixed-width
 * little-endian integers (slot and set id u32, round u64), {@code len++} GP natural-number prefixes, GP-encoded
 * headers. Decoding enforces the size limits: at most two votes per voter ({@code 2V}) in a commit or catch-up, at
 * most {@value #MAX_ANCESTRIES} ancestry headers, at most {@value #MAX_FRAGMENTS} warp-sync fragments (NP-FORK), and
 * no trailing octets; a violation is a {@link CodecException}.
 */
public final class GrandpaCodec {
    /** Most headers in a justification's {@code Votes Ancestries}. */
    public static final int MAX_ANCESTRIES = 1024;

    /** Most fragments in a CE 153 response (NP-FORK {@code dd742fb}). */
    public static final int MAX_FRAGMENTS = 32;

    /** Octets of a signed prevote or precommit (type implied): 68 + 64 + 32. */
    public static final int SIGNED_VOTE_SIZE = Vote.SIZE + Ed25519Signature.SIZE + Ed25519Public.SIZE;

    private final ChainParams params;
    private final int maxVotes;

    /** A codec for the chain's validator count V (vote lists hold at most 2V entries). */
    public GrandpaCodec(ChainParams params) {
        this.params = params;
        this.maxVotes = 2 * params.validatorsCount();
    }

    /** The most octets of a CE 150 commit message. */
    public int maxCommitMessage() {
        return 12 + Vote.SIZE + 5 + maxVotes * SIGNED_VOTE_SIZE;
    }

    /** The most octets of a CE 152 catch-up response. */
    public int maxCatchUp() {
        return 8 + 2 * (5 + maxVotes * SIGNED_VOTE_SIZE) + Vote.SIZE;
    }

    // ---- types ----

    static void vote(Encoder e, Vote v) {
        v.target().header().encode(e);
        v.target().stateRoot().encode(e);
        e.u32(v.slot());
    }

    static Vote vote(Decoder d) {
        Hash h = Hash.decode(d);
        Hash r = Hash.decode(d);
        return new Vote(new Target(h, r), d.u32());
    }

    static void signedMessage(Encoder e, SignedMessage m) {
        e.u8(m.type().code());
        signedVote(e, m);
    }

    static SignedMessage signedMessage(Decoder d) {
        int code = d.u8();
        MessageType t = MessageType.ofCode(code);
        if (t == null) {
            throw d.error("unknown GRANDPA message type " + code);
        }
        return signedVote(d, t);
    }

    /** {@code Signed Prevote} / {@code Signed Precommit}: the vote, signature and key, the type implied. */
    static void signedVote(Encoder e, SignedMessage m) {
        vote(e, m.vote());
        m.signature().encode(e);
        m.voter().encode(e);
    }

    static SignedMessage signedVote(Decoder d, MessageType t) {
        Vote v = vote(d);
        Ed25519Signature s = Ed25519Signature.decode(d);
        return new SignedMessage(t, v, s, Ed25519Public.decode(d));
    }

    private void votes(Encoder e, List<SignedMessage> ms, MessageType t) {
        e.length(ms.size());
        for (SignedMessage m : ms) {
            if (m.type() != t) {
                throw new IllegalArgumentException("expected " + t + " votes, got a " + m.type());
            }
            signedVote(e, m);
        }
    }

    private List<SignedMessage> votes(Decoder d, MessageType t, String what) {
        return d.varSeq(SIGNED_VOTE_SIZE, maxVotes, what, x -> signedVote(x, t));
    }

    void commit(Encoder e, Commit c) {
        vote(e, c.target());
        votes(e, c.precommits(), MessageType.PRECOMMIT);
    }

    Commit commit(Decoder d) {
        Vote t = vote(d);
        return new Commit(t, votes(d, MessageType.PRECOMMIT, "commit precommits"));
    }

    void justification(Encoder e, Justification j) {
        e.u64(j.round());
        e.u32(j.setId());
        commit(e, j.commit());
        e.length(j.ancestries().size());
        for (Header h : j.ancestries()) {
            h.encode(e, params);
        }
    }

    Justification justification(Decoder d) {
        long round = d.u64();
        long set = d.u32();
        Commit c = commit(d);
        List<Header> anc = d.varSeq(1, MAX_ANCESTRIES, "votes ancestries", x -> Header.decode(x, params));
        return new Justification(round, set, c, anc);
    }

    // ---- stream messages ----

    public byte[] encode(VoteMessage m) {
        Encoder e = new Encoder(VoteMessage.SIZE);
        e.u64(m.round());
        e.u32(m.setId());
        signedMessage(e, m.message());
        return e.toByteArray();
    }

    public VoteMessage decodeVote(byte[] b) {
        Decoder d = new Decoder(b);
        VoteMessage m = new VoteMessage(d.u64(), d.u32(), signedMessage(d));
        d.expectEnd();
        return m;
    }

    public byte[] encode(CommitMessage m) {
        Encoder e = new Encoder();
        e.u64(m.round());
        e.u32(m.setId());
        commit(e, m.commit());
        return e.toByteArray();
    }

    public CommitMessage decodeCommit(byte[] b) {
        Decoder d = new Decoder(b);
        CommitMessage m = new CommitMessage(d.u64(), d.u32(), commit(d));
        d.expectEnd();
        return m;
    }

    public byte[] encode(StateMessage m) {
        return new Encoder(StateMessage.SIZE).u64(m.round()).u32(m.setId()).u32(m.finalizedSlot()).toByteArray();
    }

    public StateMessage decodeState(byte[] b) {
        Decoder d = new Decoder(b);
        StateMessage m = new StateMessage(d.u64(), d.u32(), d.u32());
        d.expectEnd();
        return m;
    }

    public byte[] encode(CatchUpRequest m) {
        return new Encoder(CatchUpRequest.SIZE).u64(m.round()).u32(m.setId()).toByteArray();
    }

    public CatchUpRequest decodeCatchUpRequest(byte[] b) {
        Decoder d = new Decoder(b);
        CatchUpRequest m = new CatchUpRequest(d.u64(), d.u32());
        d.expectEnd();
        return m;
    }

    public byte[] encode(CatchUp m) {
        Encoder e = new Encoder();
        e.u64(m.round());
        votes(e, m.prevotes(), MessageType.PREVOTE);
        votes(e, m.precommits(), MessageType.PRECOMMIT);
        vote(e, m.base());
        return e.toByteArray();
    }

    public CatchUp decodeCatchUp(byte[] b) {
        Decoder d = new Decoder(b);
        long round = d.u64();
        List<SignedMessage> pv = votes(d, MessageType.PREVOTE, "catch-up prevotes");
        List<SignedMessage> pc = votes(d, MessageType.PRECOMMIT, "catch-up precommits");
        CatchUp m = new CatchUp(round, pv, pc, vote(d));
        d.expectEnd();
        return m;
    }

    public byte[] encode(JustificationRequest m) {
        return new Encoder(Hash.SIZE).bytes(m.block().bytes()).toByteArray();
    }

    public JustificationRequest decodeJustificationRequest(byte[] b) {
        Decoder d = new Decoder(b);
        JustificationRequest m = new JustificationRequest(Hash.decode(d));
        d.expectEnd();
        return m;
    }

    public byte[] encode(Justification j) {
        Encoder e = new Encoder();
        justification(e, j);
        return e.toByteArray();
    }

    public Justification decodeJustification(byte[] b) {
        Decoder d = new Decoder(b);
        Justification j = justification(d);
        d.expectEnd();
        return j;
    }

    public byte[] encode(WarpSyncRequest m) {
        return new Encoder(WarpSyncRequest.SIZE).u32(m.setId()).toByteArray();
    }

    public WarpSyncRequest decodeWarpSyncRequest(byte[] b) {
        Decoder d = new Decoder(b);
        WarpSyncRequest m = new WarpSyncRequest(d.u32());
        d.expectEnd();
        return m;
    }

    /** A CE 153 response {@code len++[Warp Sync Fragment]}, at most {@value #MAX_FRAGMENTS} fragments. */
    public byte[] encodeFragments(List<WarpSyncFragment> fs) {
        if (fs.size() > MAX_FRAGMENTS) {
            throw new IllegalArgumentException(fs.size() + " warp-sync fragments exceed " + MAX_FRAGMENTS);
        }
        Encoder e = new Encoder();
        e.length(fs.size());
        for (WarpSyncFragment f : fs) {
            f.header().encode(e, params);
            justification(e, f.justification());
        }
        return e.toByteArray();
    }

    public List<WarpSyncFragment> decodeFragments(byte[] b) {
        Decoder d = new Decoder(b);
        List<WarpSyncFragment> fs = d.varSeq(1, MAX_FRAGMENTS, "warp-sync fragments",
                x -> new WarpSyncFragment(Header.decode(x, params), justification(x)));
        d.expectEnd();
        return fs;
    }
}
