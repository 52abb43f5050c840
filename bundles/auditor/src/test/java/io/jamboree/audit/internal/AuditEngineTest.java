package io.jamboree.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.crypto.Ed25519;
import io.jamboree.crypto.Jip5;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.Culprit;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Judgement;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorMetadata;
import io.jamboree.types.Verdict;
import io.jamboree.types.WorkReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * Six auditors (one per validator of a tiny set) connected by an in-memory bus in place of CE 144/145: a report
 * that one guarantor pair lied about is judged invalid by the honest auditors, a bad verdict with the guarantors as
 * culprits and the lying auditor as a fault goes to the block author, and the block is rejected; a no-show in
 * tranche 0 is covered by an auditor drawn in a later tranche.
 */
class AuditEngineTest {
    private static final int V = 6;
    private static final long TRANCHE_MS = 1000;
    private static final List<ValidatorSecrets> SECRETS = new ArrayList<>();
    private static final List<ValidatorKey> KAPPA = new ArrayList<>();

    static {
        for (int i = 0; i < V; i++) {
            ValidatorSecrets s = ValidatorSecrets.fromSeed(Jip5.trivialSeed(i));
            SECRETS.add(s);
            KAPPA.add(s.validatorKey(new ValidatorMetadata(new byte[ValidatorMetadata.SIZE])));
        }
    }

    private record Message(int sender, Object payload) {}

    private static final class Sink implements AuditPorts.DisputeSink {
        final List<Verdict> verdicts = new ArrayList<>();
        final List<Culprit> culprits = new ArrayList<>();
        final List<Fault> faults = new ArrayList<>();

        @Override public void verdict(Verdict v) { verdicts.add(v); }
        @Override public void culprit(Culprit c) { culprits.add(c); }
        @Override public void fault(Fault f) { faults.add(f); }
    }

    private final Deque<Message> bus = new ArrayDeque<>();
    private final AuditEngine[] engines = new AuditEngine[V];
    private final Sink[] sinks = new Sink[V];
    private final int[] forwards = new int[V];

    /** Builds the six engines; {@code verdictOf.test(validator, report)} is what re-execution says there. */
    private void network(BiPredicate<Integer, Hash> verdictOf, Set<Integer> offline) {
        for (int i = 0; i < V; i++) {
            int me = i;
            sinks[i] = new Sink();
            AuditPorts.Outbox out = new AuditPorts.Outbox() {
                @Override public void announce(AuditAnnouncement a) { bus.add(new Message(me, a)); }
                @Override public void publish(JudgmentPublication j) { bus.add(new Message(me, j)); }
                @Override public void forward(JudgmentPublication j, int[] validators) { forwards[me]++; }
            };
            AuditPorts.ReportCheck check = (b, r, h) -> {
                if (offline.contains(me)) {
                    throw new AuditPorts.CannotAuditException("validator " + me + " is offline", null);
                }
                return verdictOf.test(me, h);
            };
            engines[i] = new AuditEngine(V, 2, TRANCHE_MS, List.of(SECRETS.get(i)), out, check, sinks[i], Runnable::run);
        }
    }

    /** Delivers every queued message to every other engine, as CE 144/145 would, until the bus is quiet. */
    private void drain() {
        while (!bus.isEmpty()) {
            Message m = bus.poll();
            for (int i = 0; i < V; i++) {
                if (i == m.sender()) {
                    continue;
                }
                if (m.payload() instanceof AuditAnnouncement a) {
                    // the wire form, decoded again on the receiving side
                    AuditAnnouncement got = AuditAnnouncement.decode(a.encodeFirst(), a.encodeEvidence());
                    assertTrue(engines[i].receiveAnnouncement(SECRETS.get(m.sender()).ed25519Public(), got));
                } else if (m.payload() instanceof JudgmentPublication j) {
                    assertTrue(engines[i].receiveJudgment(JudgmentPublication.decode(j.encodeFirst(), j.encodeGuarantee())));
                }
            }
        }
    }

    private static WorkReport report(int core, int pkg) {
        byte[] h = new byte[32];
        Arrays.fill(h, (byte) pkg);
        return new WorkReport(new AvailabilitySpec(new Hash(h), 10, Hash.ZERO, Hash.ZERO, 0),
                new RefineContext(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, List.of()), core, Hash.ZERO, 0,
                Blob.EMPTY, List.of(), List.of());
    }

    private static Hash hash(WorkReport r) {
        return r.hash(io.jamboree.core.ChainParams.tiny());
    }

    @Test
    void aLyingGuarantorIsCaughtJudgedAndReported() {
        WorkReport good = report(0, 0x55);
        WorkReport bad = report(1, 0x66);
        Hash goodHash = hash(good);
        Hash badHash = hash(bad);
        int liar = 5;
        // the honest re-execution disagrees with the bad report; the liar's own auditor agrees with its lie
        network((v, h) -> v == liar || !h.equals(badHash), Set.of());
        // the bad report was guaranteed by validators 4 and 5: their signatures on X_G ⌢ H(w) prove them culprits
        List<Culprit> culprits = new ArrayList<>();
        for (int g : new int[] {4, 5}) {
            byte[] sig = Ed25519.sign(SECRETS.get(g).ed25519SecretSeed(), AuditContexts.guaranteeMessage(badHash));
            culprits.add(new Culprit(badHash, KAPPA.get(g).ed25519(), new Ed25519Signature(sig)));
        }
        Hash header = new Hash(TrancheSelectionTest.filled(0x10));
        BlockAudit block = new BlockAudit(header, 12, TrancheSelectionTest.filled(0x20), 1, KAPPA,
                new WorkReport[] {good, bad}, new Hash[] {goodHash, badHash}, Map.of(badHash, culprits),
                Map.of(badHash, new JudgmentPublication.Guarantee(11, List.of(
                        new io.jamboree.types.ValidatorSignature(4, culprits.get(0).signature()),
                        new io.jamboree.types.ValidatorSignature(5, culprits.get(1).signature())))));
        for (AuditEngine e : engines) {
            e.blockImported(block, 0);
        }
        drain();

        for (int i = 0; i < V; i++) {
            AuditEngine e = engines[i];
            // tiny has 2 cores, fewer than ten: every auditor draws both reports in tranche 0
            assertEquals(Set.of(0, 1, 2, 3, 4, 5), e.announced(badHash, 0), "A_0 seen by " + i);
            assertTrue(e.isReportAudited(goodHash), "good report audited at " + i);
            assertFalse(e.isReportAudited(badHash));
            assertTrue(e.isRejected(header), "the block is rejected at " + i);
            assertFalse(e.isAudited(header));
            assertEquals(1, e.statistics().announcementsSent.get());
            assertEquals(V - 1, e.statistics().announcementsReceived.get());
            assertEquals(2, e.statistics().judgmentsSent.get());
            assertEquals(2 * (V - 1), e.statistics().judgmentsReceived.get());
            assertEquals(0, e.statistics().announcementsRefused.get() + e.statistics().judgmentsRefused.get());
            // every negative judgment received goes on to the grid neighbours (JAMNP-S CE 145)
            assertEquals(i == liar ? V - 1 : V - 2, forwards[i], "negative judgments forwarded by " + i);

            Sink s = sinks[i];
            assertEquals(1, s.verdicts.size(), "one verdict at " + i);
            Verdict v = s.verdicts.get(0);
            assertEquals(badHash, v.target());
            assertEquals(1, v.age());
            assertEquals(5, v.votes().size(), "⌊2·6/3⌋ + 1 judgments");
            for (Judgement j : v.votes()) {
                assertFalse(j.vote());
                assertTrue(j.index() != liar);
                // what the disputes STF checks: E_{κ[i]}⟨X_⊥ ⌢ r⟩
                assertTrue(Ed25519.verify(KAPPA.get(j.index()).ed25519().bytes(),
                        AuditContexts.judgmentMessage(false, badHash), j.signature().bytes()));
            }
            Set<String> culpritKeys = new HashSet<>();
            for (Culprit c : s.culprits) {
                culpritKeys.add(c.key().hex());
                assertTrue(Ed25519.verify(c.key().bytes(), AuditContexts.guaranteeMessage(badHash), c.signature().bytes()));
            }
            assertEquals(Set.of(KAPPA.get(4).ed25519().hex(), KAPPA.get(5).ed25519().hex()), culpritKeys);
            // the liar's positive judgment contradicts the bad verdict: a fault
            assertEquals(1, s.faults.size(), "faults at " + i);
            Fault f = s.faults.get(0);
            assertEquals(KAPPA.get(liar).ed25519(), f.key());
            assertTrue(f.vote());
            assertTrue(Ed25519.verify(f.key().bytes(), AuditContexts.judgmentMessage(true, badHash), f.signature().bytes()));
        }
    }

    @Test
    void aNoShowIsCountedWhenTheOthersAuditTheReportWithoutIt() {
        // tiny: all six announce the report in tranche 0; validator 3 cannot audit (offline after announcing)
        WorkReport r = report(0, 0x33);
        Hash h = hash(r);
        Hash header = new Hash(TrancheSelectionTest.filled(0x12));
        BlockAudit block = new BlockAudit(header, 20, TrancheSelectionTest.filled(0x22), 1, KAPPA,
                new WorkReport[] {r, null}, new Hash[] {h, null}, Map.of(), Map.of());
        network((v, x) -> true, Set.of(3));
        for (AuditEngine e : engines) {
            e.blockImported(block, 0);
        }
        drain();
        for (AuditEngine e : engines) {
            e.tick(TRANCHE_MS);
        }
        drain();
        for (int i = 0; i < V; i++) {
            assertEquals(Set.of(0, 1, 2, 3, 4, 5), engines[i].announced(h, 0));
            // five of six valid judgments are more than two thirds: U holds without validator 3
            assertTrue(engines[i].isAudited(header), "audited at " + i);
            assertEquals(1, engines[i].statistics().noShows.get(), "validator 3 a no-show at " + i);
            assertEquals(Set.of(), engines[i].announced(h, 1), "nobody left to draw in tranche 1");
        }
    }

    @Test
    void aLateTrancheZeroAnnouncementStillMakesANoShow() {
        // validator 3 imports the block late: its announcement arrives after the other five have judged the report
        // valid (audited, every announcer known so far judged), still within tranche 0. It never judges, so the
        // tranche-1 boundary must count it as a no-show (AuditNetworkTest saw a multi-key node settle the block
        // before the announcement came, and log no no-show).
        WorkReport r = report(0, 0x34);
        Hash h = hash(r);
        Hash header = new Hash(TrancheSelectionTest.filled(0x13));
        BlockAudit block = new BlockAudit(header, 20, TrancheSelectionTest.filled(0x23), 1, KAPPA,
                new WorkReport[] {r, null}, new Hash[] {h, null}, Map.of(), Map.of());
        network((v, x) -> true, Set.of(3));
        for (int i = 0; i < V; i++) {
            if (i != 3) {
                engines[i].blockImported(block, 0);
            }
        }
        drain();
        for (int i = 0; i < V; i++) {
            if (i != 3) {
                engines[i].tick(TRANCHE_MS / 2);
                assertTrue(engines[i].isAudited(header), "audited at " + i);
            }
        }
        engines[3].blockImported(block, TRANCHE_MS / 2);
        drain();
        for (int i = 0; i < V; i++) {
            if (i != 3) {
                engines[i].tick(TRANCHE_MS);
                assertEquals(Set.of(0, 1, 2, 3, 4, 5), engines[i].announced(h, 0), "A_0 at " + i);
                assertEquals(1, engines[i].statistics().noShows.get(), "validator 3 a no-show at " + i);
            }
        }
    }

    @Test
    void judgmentsBeforeTheFirstBlockOfTheirEpochAreKeptUntilItComes() {
        // validator 1 imports the block last: the others' announcements and judgments reach it while it knows neither
        // the block nor its epoch's keys; they wait for the block instead of being dropped, so it too sees the block
        // audited (AuditNetworkTest once lost the author's judgments this way)
        WorkReport r = report(0, 0x35);
        Hash h = hash(r);
        Hash header = new Hash(TrancheSelectionTest.filled(0x14));
        BlockAudit block = new BlockAudit(header, 20, TrancheSelectionTest.filled(0x24), 1, KAPPA,
                new WorkReport[] {r, null}, new Hash[] {h, null}, Map.of(), Map.of());
        network((v, x) -> true, Set.of());
        for (int i = 0; i < V; i++) {
            if (i != 1) {
                engines[i].blockImported(block, 0);
            }
        }
        drain();
        assertEquals(0, engines[1].statistics().judgmentsRefused.get(), "nothing refused before the block");
        engines[1].blockImported(block, 0);
        drain();
        engines[1].tick(TRANCHE_MS / 2);
        assertEquals(V - 1, engines[1].statistics().judgmentsReceived.get(), "the five early judgments counted");
        assertTrue(engines[1].isAudited(header), "audited at the late importer");
    }

    @Test
    void aNoShowIsCoveredByALaterTranche() {
        // 20 cores: a_0 draws ten of them, so only some auditors take the one report of core 7 in tranche 0
        WorkReport r = report(7, 0x77);
        Hash h = hash(r);
        WorkReport[] reports = new WorkReport[20];
        Hash[] hashes = new Hash[20];
        reports[7] = r;
        hashes[7] = h;
        Hash header = new Hash(TrancheSelectionTest.filled(0x11));
        BlockAudit block = new BlockAudit(header, 30, TrancheSelectionTest.filled(0x21), 0, KAPPA, reports, hashes,
                Map.of(), Map.of());
        Set<Integer> offline = new HashSet<>();
        network((v, x) -> true, offline);
        // first see who draws core 7 in tranche 0: they go offline before auditing (they become no-shows)
        AuditEngine probe = new AuditEngine(V, 2, TRANCHE_MS, SECRETS, new AuditPorts.Outbox() {
            @Override public void announce(AuditAnnouncement a) {}
            @Override public void publish(JudgmentPublication j) {}
            @Override public void forward(JudgmentPublication j, int[] validators) {}
        }, (b, rr, hh) -> { throw new AuditPorts.CannotAuditException("probe", null); }, new Sink(), Runnable::run);
        probe.blockImported(block, 0);
        Set<Integer> trancheZero = probe.announced(h, 0);
        assertFalse(trancheZero.isEmpty(), "somebody draws core 7 in tranche 0");
        assertTrue(trancheZero.size() < V, "not everybody does");
        offline.addAll(trancheZero);

        for (AuditEngine e : engines) {
            e.blockImported(block, 0);
        }
        drain();
        assertFalse(engines[0].isReportAudited(h));
        assertEquals(trancheZero, engines[0].announced(h, 0));
        int coveredIn = -1;
        for (int n = 1; n <= AuditEngine.MAX_TRANCHE && coveredIn < 0; n++) {
            for (AuditEngine e : engines) {
                e.tick(n * TRANCHE_MS);
            }
            drain();
            if (!engines[0].announced(h, n).isEmpty()) {
                coveredIn = n;
            }
        }
        assertTrue(coveredIn > 0, "a later tranche drew an auditor");
        int n = coveredIn;
        for (int i = 0; i < V; i++) {
            assertTrue(engines[i].statistics().noShows.get() >= trancheZero.size(), "no-shows counted at " + i);
            assertTrue(engines[i].isReportAudited(h), "audited at " + i + " after tranche " + n);
            assertTrue(engines[i].isAudited(header));
            for (int v : engines[i].announced(h, n)) {
                assertFalse(trancheZero.contains(v), "drawn in tranche " + n + ": a new auditor");
            }
        }
    }
}
