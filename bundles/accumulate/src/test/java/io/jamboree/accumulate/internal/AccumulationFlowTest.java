package io.jamboree.accumulate.internal;

import static io.jamboree.accumulate.internal.Fixture.P;
import static io.jamboree.accumulate.internal.Fixture.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.AccumulationStatistic;
import io.jamboree.accumulate.ServiceWrite;
import io.jamboree.codec.Decoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.pvm.recompiler.RecompilerEngine;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.RefineContext;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Δ+ end to end on both engines with two hand-assembled services: A's work item makes a deferred
 * transfer to B; in the second round B receives it (balance credited, GP B.4), writes storage and
 * yields. Checks the service writes, θ', the statistics and the last-accumulation slots (GP §12).
 */
class AccumulationFlowTest {
    private static final long A = 100, B = 200, SLOT = 10;

    static Stream<PvmEngine> engines() {
        return Stream.of(new InterpreterEngine(), new RecompilerEngine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void transferThenAccumulateTheReceiver(PvmEngine engine) {
        Fixture.Base base = new Fixture.Base();
        byte[] memo = filled(128, 3);
        byte[] codeA = new GuestProgram(memo).set(7, B).set(8, 500).set(9, 10_000).set(10, GuestProgram.RO)
                .hostCall(Transfer.INDEX).halt().preimage();
        byte[] bData = new byte[34];
        bData[0] = 'k';
        bData[1] = 'v';
        System.arraycopy(filled(32, 0x77), 0, bData, 2, 32);
        byte[] codeB = new GuestProgram(bData).set(7, GuestProgram.RO).set(8, 1).set(9, GuestProgram.RO + 1)
                .set(10, 1).hostCall(Write.INDEX).set(7, GuestProgram.RO + 2).hostCall(Yield.INDEX).halt()
                .preimage();
        install(base, A, codeA);
        install(base, B, codeB);

        List<List<Hash>> queues = new ArrayList<>();
        for (int c = 0; c < P.coresCount(); c++) queues.add(Collections.nCopies(P.authQueueSize(), Hash.ZERO));
        List<List<io.jamboree.types.ReadyRecord>> ready = Collections.nCopies(P.epochLength(), List.of());
        List<List<Hash>> acc = Collections.nCopies(P.epochLength(), List.of());
        AccumulationState state = new AccumulationState(new Privileges(0, new long[P.coresCount()], 0, 0, List.of()),
                new AuthQueues(queues), List.of(), new ReadyQueue(ready), new AccumulatedQueue(acc));
        Hash pkg = new Hash(filled(32, 0x55));
        WorkReport report = new WorkReport(new AvailabilitySpec(pkg, 10, Hash.ZERO, Hash.ZERO, 0),
                new RefineContext(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, List.of()), 0, Hash.ZERO, 0,
                Blob.EMPTY, List.of(), List.of(new WorkDigest(A, Hash.ZERO, Hash.ZERO, 100_000,
                        new WorkExecResult.Ok(Blob.EMPTY), new RefineLoad(0, 0, 0, 0, 0))));

        AccumulationOutcome out = new PvmInvocationsComponent().accumulation(engine).accumulate(P, SLOT, SLOT - 1, Hash.ZERO, List.of(report),
                state, base);

        Map<StateKey, byte[]> puts = new HashMap<>();
        for (ServiceWrite w : out.serviceWrites()) {
            if (w instanceof ServiceWrite.Put(StateKey k, byte[] v)) puts.put(k, v);
        }
        ServiceInfo a = ServiceInfo.decode(new Decoder(puts.get(StateKey.serviceAccount(A))), P);
        ServiceInfo b = ServiceInfo.decode(new Decoder(puts.get(StateKey.serviceAccount(B))), P);
        assertEquals(1_000_000 - 500, a.balance());
        assertEquals(1_000_000 + 500, b.balance());
        assertEquals(SLOT, a.lastAccumulationSlot());
        assertEquals(SLOT, b.lastAccumulationSlot());
        assertEquals(1, b.items());
        assertEquals(34 + 1 + 1, b.bytes());
        assertArrayEquals("v".getBytes(), puts.get(StateKey.storage(B, "k".getBytes())));
        assertEquals(List.of(new AccumulationOutput(B, new Hash(filled(32, 0x77)))), out.outputs());
        assertEquals(2, out.statistics().size());
        AccumulationStatistic sa = out.statistics().get(0), sb = out.statistics().get(1);
        assertEquals(A, sa.serviceId());
        assertEquals(1, sa.count());
        assertEquals(B, sb.serviceId());
        assertEquals(0, sb.count(), "B had no work items");
        assertTrue(sa.gasUsed() > 10 + 10_000 && sb.gasUsed() > 20, sa + " " + sb);
        assertEquals(List.of(pkg), out.state().accumulated().slots().get(P.epochLength() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void panicKeepsOnlyTheCheckpointedState(PvmEngine engine) {
        Fixture.Base base = new Fixture.Base();
        byte[] data = {'a', 'b', 'v'};
        long ro = GuestProgram.RO;
        byte[] code = new GuestProgram(data).set(7, ro).set(8, 1).set(9, ro + 2).set(10, 1).hostCall(Write.INDEX)
                .hostCall(Checkpoint.INDEX).set(7, ro + 1).set(8, 1).set(9, ro + 2).set(10, 1)
                .hostCall(Write.INDEX).trap().preimage();
        install(base, A, code);
        List<List<Hash>> queues = new ArrayList<>();
        for (int c = 0; c < P.coresCount(); c++) queues.add(Collections.nCopies(P.authQueueSize(), Hash.ZERO));
        AccumulationState state = new AccumulationState(
                new Privileges(0, new long[P.coresCount()], 0, 0, List.of(new io.jamboree.types.AlwaysAccumulateEntry(A, 5_000))),
                new AuthQueues(queues), List.of(), new ReadyQueue(Collections.nCopies(P.epochLength(), List.of())),
                new AccumulatedQueue(Collections.nCopies(P.epochLength(), List.of())));
        AccumulationOutcome out = new PvmInvocationsComponent().accumulation(engine).accumulate(P, SLOT, SLOT - 1, Hash.ZERO, List.of(),
                state, base);
        Map<StateKey, byte[]> puts = new HashMap<>();
        for (ServiceWrite w : out.serviceWrites()) {
            if (w instanceof ServiceWrite.Put(StateKey k, byte[] v)) puts.put(k, v);
        }
        assertArrayEquals("v".getBytes(), puts.get(StateKey.storage(A, "a".getBytes())), "checkpointed write kept");
        assertEquals(null, puts.get(StateKey.storage(A, "b".getBytes())), "write after the checkpoint undone");
        ServiceInfo a = ServiceInfo.decode(new Decoder(puts.get(StateKey.serviceAccount(A))), P);
        assertEquals(1, a.items());
        assertEquals(SLOT, a.lastAccumulationSlot(), "always-accumulate service used gas");
        assertEquals(1, out.statistics().size());
        assertEquals(0, out.statistics().get(0).count());
    }

    private static void install(Fixture.Base base, long id, byte[] preimage) {
        byte[] h = Blake2b256.hash(preimage);
        base.infos.put(id, new ServiceInfo(0, new Hash(h), 1_000_000, 0, 0, 0, 0, 0, 0, 0, 0));
        base.items.put(StateKey.preimage(id, h), preimage);
    }
}
