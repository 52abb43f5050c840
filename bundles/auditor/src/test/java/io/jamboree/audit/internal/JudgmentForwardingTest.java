package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.crypto.Jip5;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.Grid;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorMetadata;
import io.jamboree.types.WorkReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JAMNP-S CE 145 on the grid: a new negative judgment goes on to the receiver's grid neighbours (not to its author),
 * so a judgment published only to its author's neighbours reaches every auditor of a six-validator set
 * ({@code W = 2}: rows {0,1} {2,3} {4,5}, columns {0,2,4} {1,3,5}).
 */
class JudgmentForwardingTest {
    private static final int V = 6;
    private static final List<ValidatorSecrets> SECRETS = new ArrayList<>();
    private static final List<ValidatorKey> KAPPA = new ArrayList<>();

    static {
        for (int i = 0; i < V; i++) {
            ValidatorSecrets s = ValidatorSecrets.fromSeed(Jip5.trivialSeed(i));
            SECRETS.add(s);
            KAPPA.add(s.validatorKey(new ValidatorMetadata(new byte[ValidatorMetadata.SIZE])));
        }
    }

    @Test
    void theNeighboursAreTheSameRowAndColumnWithoutTheAuthorAndThisNode() {
        // 0 is in row {0,1} and column {0,2,4}
        assertArrayEquals(new int[] {1, 2, 4}, JudgmentForwarding.neighbours(V, new int[] {0}, 3));
        assertArrayEquals(new int[] {2, 4}, JudgmentForwarding.neighbours(V, new int[] {0}, 1));
        // a node with validators 0 and 3: {1,2,4} and {2,1,5}, without the author 1 and itself
        assertArrayEquals(new int[] {2, 4, 5}, JudgmentForwarding.neighbours(V, new int[] {0, 3}, 1));
        // the full set (V = 1023, W = 31): 30 in the row and 32 in the column of validator 100
        int[] full = JudgmentForwarding.neighbours(1023, new int[] {100}, 5);
        assertEquals(30 + 32, full.length);
        for (int v : full) {
            assertTrue(new Grid(1023).neighbours(100, v));
        }
    }

    private record Message(int sender, int to, Object payload) {}

    @Test
    void aNegativeJudgmentSentToTheAuthorsNeighboursReachesEveryAuditor() {
        Deque<Message> bus = new ArrayDeque<>();
        int judge = 2; // the only auditor that can re-execute; it finds the report wrong
        AuditEngine[] engines = new AuditEngine[V];
        int[] forwarded = new int[V];
        Grid grid = new Grid(V);
        for (int i = 0; i < V; i++) {
            int me = i;
            AuditPorts.Outbox out = new AuditPorts.Outbox() {
                @Override
                public void announce(AuditAnnouncement a) {
                    for (int to = 0; to < V; to++) {
                        if (to != me) {
                            bus.add(new Message(me, to, a));
                        }
                    }
                }

                @Override
                public void publish(JudgmentPublication j) {
                    // only to the grid neighbours: the rest must come from forwarding
                    for (int to = 0; to < V; to++) {
                        if (grid.neighbours(me, to)) {
                            bus.add(new Message(me, to, j));
                        }
                    }
                }

                @Override
                public void forward(JudgmentPublication j, int[] validators) {
                    forwarded[me]++;
                    for (int to : validators) {
                        assertTrue(grid.neighbours(me, to), me + " forwarded to " + to + ", not a neighbour");
                        assertTrue(to != j.validator(), "forwarded back to the author");
                        bus.add(new Message(me, to, j));
                    }
                }
            };
            AuditPorts.ReportCheck check = (b, r, h) -> {
                if (me != judge) {
                    throw new AuditPorts.CannotAuditException("validator " + me + " has no bundle", null);
                }
                return false;
            };
            engines[i] = new AuditEngine(V, 2, 1000, List.of(SECRETS.get(i)), out, check,
                    new AuditPorts.DisputeSink() {
                        @Override public void verdict(io.jamboree.types.Verdict v) {}
                        @Override public void culprit(io.jamboree.types.Culprit c) {}
                        @Override public void fault(io.jamboree.types.Fault f) {}
                    }, Runnable::run);
        }
        byte[] pkg = new byte[32];
        pkg[0] = 0x42;
        WorkReport bad = new WorkReport(new AvailabilitySpec(new Hash(pkg), 10, Hash.ZERO, Hash.ZERO, 0),
                new RefineContext(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, List.of()), 1, Hash.ZERO, 0,
                Blob.EMPTY, List.of(), List.of());
        Hash badHash = bad.hash(io.jamboree.core.ChainParams.tiny());
        BlockAudit block = new BlockAudit(new Hash(TrancheSelectionTest.filled(0x31)), 7,
                TrancheSelectionTest.filled(0x32), 0, KAPPA, new WorkReport[] {null, bad}, new Hash[] {null, badHash},
                Map.of(), Map.of());
        for (AuditEngine e : engines) {
            e.blockImported(block, 0);
        }
        while (!bus.isEmpty()) {
            Message m = bus.poll();
            if (m.payload() instanceof AuditAnnouncement a) {
                assertTrue(engines[m.to()].receiveAnnouncement(SECRETS.get(m.sender()).ed25519Public(),
                        AuditAnnouncement.decode(a.encodeFirst(), a.encodeEvidence())));
            } else if (m.payload() instanceof JudgmentPublication j) {
                assertTrue(engines[m.to()].receiveJudgment(JudgmentPublication.decode(j.encodeFirst(),
                        j.encodeGuarantee())));
            }
        }
        for (int i = 0; i < V; i++) {
            if (i == judge) {
                assertEquals(1, engines[i].statistics().judgmentsSent.get());
                assertEquals(0, forwarded[i], "the author does not forward its own judgment");
                continue;
            }
            assertEquals(1, engines[i].statistics().judgmentsReceived.get(), "validator " + i + " got the judgment");
            assertEquals(1, engines[i].statistics().negativeJudgments.get());
            assertEquals(1, forwarded[i], "validator " + i + " forwarded it once");
            assertEquals(1, engines[i].statistics().judgmentsForwarded.get());
        }
        // 1 and 5 are not neighbours of 2: forwarding brought it to them
        assertTrue(!grid.neighbours(judge, 1) && !grid.neighbours(judge, 5));
    }
}
