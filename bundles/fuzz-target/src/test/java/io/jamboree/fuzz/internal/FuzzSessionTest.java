package io.jamboree.fuzz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.State;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.fuzz.FuzzProtocolException;
import io.jamboree.fuzz.Semver;
import io.jamboree.importer.AncestryItem;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session rules without a socket. */
class FuzzSessionTest {
    private static final ChainParams TINY = ChainParams.tiny();
    private static final PeerInfo OURS = FuzzTargetCommand.peerInfo(new Semver(1, 2, 3));

    private final List<FakeImporter> made = new ArrayList<>();

    private FuzzSession session() {
        return new FuzzSession(TINY, p -> {
            FakeImporter f = new FakeImporter(p);
            made.add(f);
            return f;
        }, OURS);
    }

    private static Initialize init() {
        return (Initialize) FuzzCodec.decode(FuzzExamples.messages("forks").stream()
                .filter(r -> r.kind().equals("initialize")).findFirst().orElseThrow().bytes(), TINY);
    }

    @Test
    void handshakeRepliesWithOurPeerInfoWhateverTheirJamVersion() {
        try (FuzzSession s = session()) {
            FuzzMessage reply = s.handle(new PeerInfo(1, FuzzFeatures.ANCESTRY, new Semver(0, 7, 0), new Semver(9, 9, 9), "old"));
            assertEquals(OURS, reply);
            assertEquals("jamboree", OURS.appName());
            assertEquals(new Semver(1, 2, 3), OURS.appVersion());
            assertTrue(s.peer().isPresent());
        }
    }

    @Test
    void initializeMakesAFreshImporterAndPassesAncestry() {
        try (FuzzSession s = session()) {
            s.handle(new PeerInfo(1, FuzzFeatures.ANCESTRY | FuzzFeatures.FORKS, new Semver(0, 7, 2), new Semver(0, 0, 1), "f"));
            Initialize base = init();
            Initialize withAncestry = new Initialize(base.header(), base.state(), List.of(new AncestryItem(5, Hash.ZERO)));
            StateRoot r1 = (StateRoot) s.handle(withAncestry);
            StateRoot r2 = (StateRoot) s.handle(base);
            assertEquals(r1, r2);
            assertEquals(2, made.size());
            assertTrue(made.get(0).closed);
            State st = (State) s.handle(new GetState(base.header().hash(TINY)));
            assertEquals(base.state().size(), st.keyValues().size());
            assertTrue(s.summary().contains("2 initialize"), s.summary());
        }
        assertTrue(made.get(1).closed, "closing the session closes its importer");
    }

    @Test
    void rejectedBlockIsAnErrorReplyAndTheSessionGoesOn() {
        try (FuzzSession s = session()) {
            s.handle(new PeerInfo(1, 0, new Semver(0, 7, 2), new Semver(0, 0, 1), "f"));
            s.handle(init());
            FuzzMessage block = FuzzCodec.decode(FuzzExamples.messages("forks").stream()
                    .filter(r -> r.kind().equals("import_block")).findFirst().orElseThrow().bytes(), TINY);
            ErrorMessage e = assertInstanceOf(ErrorMessage.class, s.handle(block));
            assertEquals("fake importer rejects every block", e.text());
            assertInstanceOf(ErrorMessage.class, s.handle(block));
            assertTrue(s.summary().contains("2 blocks (0 imported, 2 rejected"), s.summary());
        }
    }

    @Test
    void outOfOrderMessagesEndTheSession() {
        PeerInfo hello = new PeerInfo(1, 3, new Semver(0, 7, 2), new Semver(0, 0, 1), "f");
        try (FuzzSession s = session()) {
            assertThrows(FuzzProtocolException.class, () -> s.handle(new GetState(Hash.ZERO)));
        }
        try (FuzzSession s = session()) {
            s.handle(hello);
            assertThrows(FuzzProtocolException.class, () -> s.handle(hello));
        }
        try (FuzzSession s = session()) {
            s.handle(hello);
            assertThrows(FuzzProtocolException.class, () -> s.handle(new GetState(Hash.ZERO)));
            assertThrows(FuzzProtocolException.class, () -> s.handle(new ErrorMessage("x")));
            assertThrows(FuzzProtocolException.class, () -> s.handle(new State(List.of())));
        }
    }
}
