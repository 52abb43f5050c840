package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzExamples.Recorded;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.State;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.fuzz.Semver;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.merkle.StateTrie;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code initialize} with an incomplete state, on the real importer: fuzz-proto v1 ("the state must be
 * accepted and stored exactly as provided") makes the target answer with the state root of the key/values
 * as given (M_σ, GP Appendix D), whatever components are missing; a block that later needs a missing component
 * is invalid for that state and is answered with {@code error}, the session going on. Needs an importer
 * that stores such a state without decoding it first.
 */
class FuzzPartialStateTest {
    private static final ChainParams TINY = ChainParams.tiny();
    private static final PeerInfo FUZZER = new PeerInfo(1, FuzzFeatures.FORKS, new Semver(0, 7, 2), new Semver(1, 0, 0), "partial");

    @TempDir
    Path tmp;

    private static Recorded recorded(String kind) {
        return FuzzExamples.messages("no_forks").stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void stateWithoutAuthorizationPoolsIsStoredAsGivenAndABlockOnItIsAnError() throws Exception {
        Initialize full = (Initialize) FuzzCodec.decode(recorded("initialize").bytes(), TINY);
        StateKey alpha = StateKey.of(1); // C1, α: the authorization pools (GP D.1)
        List<KeyValue> partial = full.state().stream().filter(kv -> !kv.key().equals(alpha)).toList();
        assertEquals(full.state().size() - 1, partial.size(), "the recorded state has C1");
        try (ServedTarget target = new ServedTarget(tmp.resolve("p.sock"), TINY,
                FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine())));
                FuzzClient c = target.connect()) {
            assertInstanceOf(PeerInfo.class, c.exchange(FUZZER, TINY));
            FuzzMessage root = c.exchange(new Initialize(full.header(), partial, List.of()), TINY);
            assertEquals(new StateRoot(root(partial)), root, "root of the key/values as given");
            State stored = (State) c.exchange(new GetState(full.header().hash(TINY)), TINY);
            assertEquals(map(partial).keySet(), map(stored.keyValues()).keySet(), "stored exactly as given");
            // the first recorded block needs α (GP 8.2): invalid on this state, answered with `error`
            FuzzMessage reply = c.exchange(FuzzCodec.decode(recorded("import_block").bytes(), TINY), TINY);
            assertInstanceOf(ErrorMessage.class, reply, "a block on the incomplete state is rejected, the session goes on");
            // the session goes on: the complete state initializes to the recorded root
            byte[] again = c.exchange(recorded("initialize").bytes());
            assertArrayEquals(recorded("state_root").bytes(), again, "recorded initial root after the partial state");
        }
    }

    @Test
    void emptyStateIsStoredAndAnsweredWithTheEmptyTrieRoot() throws Exception {
        Initialize full = (Initialize) FuzzCodec.decode(recorded("initialize").bytes(), TINY);
        try (ServedTarget target = new ServedTarget(tmp.resolve("z.sock"), TINY,
                FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine())));
                FuzzClient c = target.connect()) {
            assertInstanceOf(PeerInfo.class, c.exchange(FUZZER, TINY));
            // GP Appendix D (basic Merklization M): M(d) = H_0, the zero hash, when |d| = 0
            assertEquals(new StateRoot(Hash.ZERO), c.exchange(new Initialize(full.header(), List.of(), List.of()), TINY));
            State stored = (State) c.exchange(new GetState(full.header().hash(TINY)), TINY);
            assertTrue(stored.keyValues().isEmpty(), "empty state stored");
        }
    }

    private static Map<StateKey, byte[]> map(List<KeyValue> kvs) {
        Map<StateKey, byte[]> m = new TreeMap<>();
        kvs.forEach(kv -> m.put(kv.key(), kv.value()));
        return m;
    }

    private static Hash root(List<KeyValue> kvs) {
        return new Hash(StateTrie.root(map(kvs)));
    }
}
