package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.ImportBlock;
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
import io.jamboree.types.Header;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A fuzz session that starts mid-chain, as the conformance fuzzer's reports do: for each public trace
 * (jam-test-vectors-0.7.2/traces), genesis and steps 1-40 are dropped; the session initializes with step
 * 41's pre-state under the header of step 41's parent (the block of the last valid step before it, whose
 * hash is step 41's H_p: fuzz-proto's Initialize carries the header the state belongs to) and no ancestry,
 * then imports steps 41-100 over the real socket server (real importer, interpreter accumulation). Every
 * reply must match the trace: the step's post-state root for a valid block; for an invalid one (post-state =
 * pre-state) the {@code error} reply, after which the head's state, read back with {@code get-state}, still
 * has the step's (unchanged) root.
 */
class FuzzMidChainTest {
    private static final ChainParams TINY = ChainParams.tiny();
    /** Steps dropped from the start of each trace (besides genesis). */
    private static final int DROPPED = 40;
    /** As the recorded polkajam fuzzer: forks, no ancestry feature. */
    private static final PeerInfo FUZZER = new PeerInfo(1, FuzzFeatures.FORKS, new Semver(0, 7, 2), new Semver(1, 0, 0), "mid-chain");

    static final List<String> FOLDERS = TraceSteps.FOLDERS;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @FieldSource("FOLDERS")
    void fromStep41(String folder) throws Exception {
        List<TraceSteps.Step> all = TraceSteps.steps(folder, TINY);
        assertTrue(all.size() > DROPPED + 1, folder + " has " + all.size() + " steps");
        List<TraceSteps.Step> rest = all.subList(DROPPED, all.size());
        TraceSteps.Step first = rest.get(0);
        Header head = parentHeader(all.subList(0, DROPPED), first, folder);
        List<String> mismatches = new ArrayList<>();
        int matched = 0;
        try (ServedTarget target = new ServedTarget(tmp.resolve("m.sock"), TINY,
                FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine())));
                FuzzClient c = target.connect()) {
            assertInstanceOf(PeerInfo.class, c.exchange(FUZZER, TINY));
            FuzzMessage init = c.exchange(new Initialize(head, first.pre().keyvals(), List.of()), TINY);
            assertEquals(new StateRoot(first.pre().stateRoot()), init, folder + ": initialize root = step " + first.number() + "'s pre-state root");
            Hash best = head.hash(TINY);
            for (TraceSteps.Step s : rest) {
                FuzzMessage reply = c.exchange(new ImportBlock(s.block()), TINY);
                assertNotNull(reply, folder + " step " + s.number() + ": the target closed the session");
                String problem;
                if (s.invalid()) {
                    if (reply instanceof ErrorMessage) {
                        FuzzMessage st = c.exchange(new GetState(best), TINY);
                        assertInstanceOf(State.class, st, folder + " step " + s.number() + ": get-state of the head");
                        Hash root = root(((State) st).keyValues());
                        problem = root.equals(s.post().stateRoot()) ? null
                                : "rejected, but the head's state root is now " + root + ", expected " + s.post().stateRoot();
                    } else {
                        problem = "invalid block (post-state = pre-state) answered with " + reply;
                    }
                } else if (reply instanceof StateRoot sr) {
                    problem = sr.root().equals(s.post().stateRoot()) ? null
                            : "state root " + sr.root() + ", expected " + s.post().stateRoot();
                    best = s.block().header().hash(TINY);
                } else {
                    problem = "valid block answered with " + reply;
                }
                if (problem == null) {
                    matched++;
                } else {
                    mismatches.add("step " + s.number() + ": " + problem);
                }
            }
        }
        System.out.printf("fuzz mid-chain %s: steps %d-%d, %d/%d match%n", folder, rest.get(0).number(),
                rest.get(rest.size() - 1).number(), matched, rest.size());
        mismatches.stream().limit(10).forEach(m -> System.out.println("  " + m));
        assertEquals(rest.size(), matched, folder + ": " + mismatches.size() + " mismatching steps, first: "
                + (mismatches.isEmpty() ? "-" : mismatches.get(0)));
    }

    /**
     * The header whose hash is {@code first}'s parent H_p: the block of the latest earlier step that has it.
     * It is all an Initialize needs of the dropped steps.
     */
    private static Header parentHeader(List<TraceSteps.Step> dropped, TraceSteps.Step first, String folder) {
        Hash parent = first.block().header().parent();
        for (int i = dropped.size() - 1; i >= 0; i--) {
            Header h = dropped.get(i).block().header();
            if (h.hash(TINY).equals(parent)) {
                return h;
            }
        }
        throw new AssertionError(folder + ": no block of steps 1-" + dropped.size() + " is the parent " + parent
                + " of step " + first.number());
    }

    /** M_σ (GP Appendix D) of a state as the target returned it. */
    private static Hash root(List<KeyValue> kvs) {
        Map<StateKey, byte[]> m = new TreeMap<>();
        for (KeyValue kv : kvs) {
            m.put(kv.key(), kv.value());
        }
        return new Hash(StateTrie.root(m));
    }
}
