package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.accumulate.AccumulationOutcome;
import io.jamboree.accumulate.AccumulationState;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzExamples.Recorded;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.ImportBlock;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkReport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception inside the real state transition (Υ, GP 4.1) is an internal failure, not a rejection:
 * fuzz-proto v1 forbids answering it with {@code error}, so the target closes the connection; the next
 * session on the same server is served in full. The exception comes from the accumulation (GP §12), a real
 * one that throws once, on the first block with work reports to accumulate. Needs an importer that lets
 * such exceptions through ({@code BlockImporter.importBlock} answers only invalid blocks with Rejected).
 */
class FuzzInternalErrorTest {
    private static final ChainParams TINY = ChainParams.tiny();

    @TempDir
    Path tmp;

    /** The real accumulation, which throws once when {@link #armed}, on a block that accumulates reports. */
    private static final class FailingOnce implements Accumulation {
        private final Accumulation real = new PvmInvocationsComponent().accumulation(new InterpreterEngine());
        final AtomicBoolean armed = new AtomicBoolean(true);
        final AtomicLong failedSlot = new AtomicLong(-1);

        @Override
        public AccumulationOutcome accumulate(ChainParams params, long slot, long previousSlot, Hash entropy,
                List<WorkReport> available, AccumulationState state, ServiceState services) {
            if (!available.isEmpty() && armed.compareAndSet(true, false)) {
                failedSlot.set(slot);
                throw new IllegalStateException("simulated internal failure inside accumulation at slot " + slot);
            }
            return real.accumulate(params, slot, previousSlot, entropy, available, state, services);
        }
    }

    @Test
    void exceptionInsideTheTransitionEndsTheSessionAndTheNextSessionReplaysInFull() throws Exception {
        FailingOnce acc = new FailingOnce();
        List<Recorded[]> exchanges = FuzzExamples.exchanges("no_forks");
        try (ServedTarget target = new ServedTarget(tmp.resolve("e.sock"), TINY, FuzzImporters.inMemory(acc))) {
            // session 1: recorded replies until the failing block, then the connection closes without a reply
            Integer closedAt = null;
            try (FuzzClient c = target.connect()) {
                for (Recorded[] x : exchanges) {
                    byte[] reply = c.exchange(x[0].bytes());
                    if (reply == null) {
                        closedAt = x[0].step();
                        FuzzMessage req = FuzzCodec.decode(x[0].bytes(), TINY);
                        assertTrue(req instanceof ImportBlock, "closed on " + req.kind());
                        assertEquals(acc.failedSlot.get(), ((ImportBlock) req).block().header().slot(),
                                "closed on the block whose accumulation threw");
                        break;
                    }
                    assertTrue(acc.armed.get(), "step " + x[0].step() + ": the accumulation failure was answered with "
                            + FuzzCodec.decode(reply, TINY).kind() + " instead of closing the session");
                    assertMatches(x, reply);
                }
            }
            assertNotNull(closedAt, "the failure fired and closed the session (armed: " + acc.armed.get() + ")");
            // session 2 on the same server: the whole recorded session
            int matched = 0;
            try (FuzzClient c = target.connect()) {
                for (Recorded[] x : exchanges) {
                    byte[] reply = c.exchange(x[0].bytes());
                    assertNotNull(reply, "step " + x[0].step() + ": session 2 closed");
                    assertMatches(x, reply);
                    matched++;
                }
            }
            System.out.printf("internal failure at step %d closed session 1; session 2: %d/%d replies match%n",
                    closedAt, matched, exchanges.size());
            assertEquals(2, target.server.sessions());
        }
    }

    /** State roots byte-exact, {@code error} and peer-info by variant (as {@link FuzzReplayTest}). */
    private static void assertMatches(Recorded[] x, byte[] reply) {
        FuzzMessage want = FuzzCodec.decode(x[1].bytes(), TINY);
        FuzzMessage got = FuzzCodec.decode(reply, TINY);
        String at = "step " + x[0].step() + " " + x[0].kind();
        switch (want) {
            case StateRoot sr -> assertTrue(Arrays.equals(x[1].bytes(), reply), at + ": expected " + sr + ", got " + got);
            case ErrorMessage er -> assertTrue(got instanceof ErrorMessage, at + ": expected error, got " + got);
            case PeerInfo pi -> assertTrue(got instanceof PeerInfo, at + ": expected peer-info, got " + got);
            default -> throw new AssertionError(at + ": unexpected recorded reply " + want.kind());
        }
    }
}
