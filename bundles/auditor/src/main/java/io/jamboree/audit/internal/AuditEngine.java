package io.jamboree.audit.internal;

import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auditing process of GP 0.7.2 §17 for the validators this node runs, independent of OSGi and the network: for
 * every imported block, tranche 0 ({@code s_0}, {@code a_0}) and later tranches ({@code s_n(w)}, {@code a_n} from
 * the no-shows {@code A_{n−1}(w) \ J_⊤(w)}, and every report with a negative judgment), announcements, audits and
 * judgments; others' announcements and judgments are verified and collected into {@code A_n}, {@code J_⊤},
 * {@code J_⊥}; {@code U} and the rejection of a block follow; judgments are collected into verdicts for the block
 * author, with culprits (the guarantors of a bad report) and faults (judgments against a verdict) (GP §10.2).
 *
 * <p>The GP concepts are in their own classes: the draws ({@link TrancheSelection}, {@link OwnAnnouncements}), the
 * check of others' announcements ({@link AnnouncementVerification}), one report's announcements and judgments
 * ({@link ReportAudit}), judgments on the grid ({@link JudgmentForwarding}) and verdicts, culprits and faults
 * ({@link VerdictCollection}); this class keeps the blocks and reports and runs them.
 *
 * <p>Tranche {@code n} of a block starts {@code n} tranche periods after this node imported it (GP: after the
 * block's slot began; the node's slot clock is not known here, and with short dev slots the period is configured).
 * Thread-safe: every method locks the engine; audits run on the given executor.
 */
final class AuditEngine {
    private static final Logger LOG = LoggerFactory.getLogger(AuditEngine.class);
    /** Blocks remembered (older ones are forgotten with their reports). */
    static final int MAX_BLOCKS = 512;
    /** Announcements held for a block not yet imported. */
    static final int MAX_PENDING = 256;
    /** The latest tranche evaluated for a block. */
    static final int MAX_TRANCHE = 16;

    private final int validators;
    private final int bias;
    private final long trancheMs;
    private final List<ValidatorSecrets> mine;
    private final AuditPorts.Outbox outbox;
    private final AuditPorts.ReportCheck check;
    private final Executor executor;
    private final AuditStatistics stats = new AuditStatistics();
    private final AnnouncementVerification verification;
    private final VerdictCollection verdicts;

    private final LinkedHashMap<Hash, BlockState> blocks = new LinkedHashMap<>();
    private final Map<Hash, ReportAudit> reports = new HashMap<>();
    private final Map<Hash, BlockAudit> reportBlock = new HashMap<>();
    private final Map<Long, List<ValidatorKey>> epochKeys = new HashMap<>();
    private final LinkedHashMap<Hash, List<Pending>> pendingAnnouncements = new LinkedHashMap<>();
    private final LinkedHashMap<Hash, List<JudgmentPublication>> pendingJudgments = new LinkedHashMap<>();
    private final Set<Hash> auditing = new HashSet<>();
    private final Map<Hash, Boolean> results = new HashMap<>();

    private record Pending(byte[] sender, AuditAnnouncement announcement) {}

    private static final class BlockState {
        final BlockAudit block;
        final long seenMs;
        int tranche;
        boolean audited;
        /** Audited and every announcer judged (or the last tranche passed): nothing more to watch. */
        boolean settled;

        BlockState(BlockAudit block, long seenMs) {
            this.block = block;
            this.seenMs = seenMs;
        }
    }

    AuditEngine(int validators, int bias, long trancheMs, List<ValidatorSecrets> mine, AuditPorts.Outbox outbox,
            AuditPorts.ReportCheck check, AuditPorts.DisputeSink disputes, Executor executor) {
        this.validators = validators;
        this.bias = bias;
        this.trancheMs = Math.max(1, trancheMs);
        this.mine = List.copyOf(mine);
        this.outbox = outbox;
        this.check = check;
        this.executor = executor;
        this.verification = new AnnouncementVerification(validators, bias, h -> {
            ReportAudit ra = reports.get(h);
            return ra != null && ra.negatives() > 0;
        });
        this.verdicts = new VerdictCollection(validators, disputes, stats);
    }

    AuditStatistics statistics() {
        return stats;
    }

    synchronized boolean known(Hash header) {
        return blocks.containsKey(header);
    }

    /** {@code U} of a block (GP §17.3): every report that became available in it is audited. */
    synchronized boolean isAudited(Hash header) {
        BlockState s = blocks.get(header);
        if (s == null) {
            return false;
        }
        for (Hash h : s.block.hashes()) {
            if (h != null && !reports.get(h).audited()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the block is known here and not audited yet (a rejected one stays so). */
    synchronized boolean isAwaitingAudit(Hash header) {
        return blocks.containsKey(header) && !isAudited(header);
    }

    /** {@code U(w)} of a report this node knows (false for an unknown one). */
    synchronized boolean isReportAudited(Hash report) {
        ReportAudit ra = reports.get(report);
        return ra != null && ra.audited();
    }

    /** The validators known to have announced {@code report} in {@code tranche}. */
    synchronized Set<Integer> announced(Hash report, int tranche) {
        ReportAudit ra = reports.get(report);
        return ra == null ? Set.of() : Set.copyOf(ra.announced(tranche));
    }

    /** Whether a report that became available in the block is judged invalid by at least a third of V. */
    synchronized boolean isRejected(Hash header) {
        BlockState s = blocks.get(header);
        if (s == null) {
            return false;
        }
        for (Hash h : s.block.hashes()) {
            if (h != null && reports.get(h).rejected()) {
                return true;
            }
        }
        return false;
    }

    /** A newly imported block: its reports enter the audit, and this node's tranche-0 announcements go out. */
    synchronized void blockImported(BlockAudit b, long nowMs) {
        if (blocks.containsKey(b.header())) {
            return;
        }
        stats.blocks.incrementAndGet();
        blocks.put(b.header(), new BlockState(b, nowMs));
        epochKeys.put(b.epoch(), b.validators());
        forgetOld();
        if (b.empty()) {
            return;
        }
        List<Hash> available = new ArrayList<>();
        for (int c = 0; c < b.hashes().length; c++) {
            Hash h = b.hashes()[c];
            if (h != null && !reports.containsKey(h)) {
                reports.put(h, new ReportAudit(h, b.reports()[c], validators));
                reportBlock.put(h, b);
                stats.reports.incrementAndGet();
                available.add(h);
            }
        }
        LOG.info("audit: block {} (slot {}) made {} report(s) available: {}", shortHex(b.header()), b.slot(),
                available.size(), shortList(available));
        for (ValidatorSecrets v : mine) {
            int index = b.indexOf(v.ed25519Public());
            if (index < 0) {
                continue;
            }
            AuditAnnouncement a = OwnAnnouncements.trancheZero(b, v);
            if (a == null) {
                continue;
            }
            announceOwn(b, index, v, a);
        }
        List<Pending> pending = pendingAnnouncements.remove(b.header());
        if (pending != null) {
            for (Pending p : pending) {
                receiveAnnouncement(p.sender(), p.announcement());
            }
        }
        for (Hash h : available) {
            List<JudgmentPublication> js = pendingJudgments.remove(h);
            if (js != null) {
                for (JudgmentPublication j : js) {
                    receiveJudgment(j);
                }
            }
        }
    }

    private void announceOwn(BlockAudit b, int index, ValidatorSecrets v, AuditAnnouncement a) {
        for (AuditItem i : a.items()) {
            reports.get(i.report()).announce(a.tranche(), index, a);
        }
        stats.announcementsSent.incrementAndGet();
        LOG.info("audit: validator {} announces tranche {} of block {}: cores {}", index, a.tranche(),
                shortHex(b.header()), cores(a.items()));
        try {
            outbox.announce(a);
        } catch (RuntimeException e) {
            LOG.warn("audit: announcement not sent: {}", e.toString());
        }
        for (AuditItem i : a.items()) {
            startAudit(b, i.report());
        }
    }

    private void startAudit(BlockAudit b, Hash h) {
        Boolean done = results.get(h);
        if (done != null) {
            judgeOwn(b, h, done);
            return;
        }
        if (!auditing.add(h)) {
            return;
        }
        ReportAudit ra = reports.get(h);
        WorkReport report = ra.report();
        executor.execute(() -> {
            boolean valid;
            try {
                valid = check.valid(b, report, h);
            } catch (AuditPorts.CannotAuditException e) {
                stats.auditsFailed.incrementAndGet();
                LOG.warn("audit: cannot audit report {} of core {}: {}", shortHex(h), report.coreIndex(),
                        e.getMessage());
                synchronized (this) {
                    auditing.remove(h);
                }
                return;
            } catch (RuntimeException e) {
                stats.auditsFailed.incrementAndGet();
                LOG.warn("audit: audit of report {} broke down", shortHex(h), e);
                synchronized (this) {
                    auditing.remove(h);
                }
                return;
            }
            stats.audits.incrementAndGet();
            judgeOwn(b, h, valid);
        });
    }

    private synchronized void judgeOwn(BlockAudit b, Hash h, boolean valid) {
        ReportAudit ra = reports.get(h);
        if (ra == null) {
            return;
        }
        results.put(h, valid);
        for (ValidatorSecrets v : mine) {
            int index = b.indexOf(v.ed25519Public());
            if (index < 0 || !ra.hasAnnounced(index)) {
                continue;
            }
            JudgmentPublication j = JudgmentPublication.sign(v.ed25519SecretSeed(), b.epoch(), index, valid, h,
                    valid ? null : b.guarantees().get(h));
            if (!ra.judge(j)) {
                continue;
            }
            stats.judgmentsSent.incrementAndGet();
            if (!valid) {
                stats.negativeJudgments.incrementAndGet();
            }
            LOG.info("audit: validator {} judges report {} of core {} {} (block {})", index, shortHex(h),
                    b.coreOf(h), valid ? "valid" : "INVALID", shortHex(b.header()));
            try {
                outbox.publish(j);
            } catch (RuntimeException e) {
                LOG.warn("audit: judgment not sent: {}", e.toString());
            }
            verdicts.collect(ra, reportBlock.get(ra.hash()));
        }
    }

    /**
     * An announcement from the validator with Ed25519 key {@code sender} (CE 144), verified against the block's κ
     * and the VRF evidence.
     *
     * @return false if it does not check (the sender may be penalised)
     */
    synchronized boolean receiveAnnouncement(byte[] sender, AuditAnnouncement a) {
        BlockState s = blocks.get(a.header());
        if (s == null) {
            if (pendingAnnouncements.size() >= MAX_PENDING && !pendingAnnouncements.containsKey(a.header())) {
                Iterator<Hash> it = pendingAnnouncements.keySet().iterator();
                it.next();
                it.remove();
            }
            List<Pending> l = pendingAnnouncements.computeIfAbsent(a.header(), h -> new ArrayList<>());
            if (l.size() < 4 * validators) {
                l.add(new Pending(sender.clone(), a));
            }
            return true;
        }
        BlockAudit b = s.block;
        int v = AnnouncementVerification.signer(b, sender, a);
        String why = v < 0 ? "the sender is not in the block's validator set" : verification.check(b, v, a);
        if (why != null) {
            stats.announcementsRefused.incrementAndGet();
            LOG.warn("audit: announcement of tranche {} for block {} refused: {}", a.tranche(), shortHex(a.header()),
                    why);
            return false;
        }
        stats.announcementsReceived.incrementAndGet();
        for (AuditItem i : a.items()) {
            reports.get(i.report()).announce(a.tranche(), v, a);
        }
        LOG.info("audit: validator {} announced tranche {} of block {}: cores {}", v, a.tranche(),
                shortHex(a.header()), cores(a.items()));
        return true;
    }

    /**
     * A judgment (CE 145), verified against the validator set of its epoch.
     *
     * @return false if it does not check
     */
    /** Keeps a judgment on a report not known yet until the block making it available is imported (bounded). */
    private void defer(JudgmentPublication j) {
        if (pendingJudgments.size() >= MAX_PENDING && !pendingJudgments.containsKey(j.report())) {
            Iterator<Hash> it = pendingJudgments.keySet().iterator();
            it.next();
            it.remove();
        }
        List<JudgmentPublication> l = pendingJudgments.computeIfAbsent(j.report(), h -> new ArrayList<>());
        if (l.size() < 2 * validators) {
            l.add(j);
        }
    }

    synchronized boolean receiveJudgment(JudgmentPublication j) {
        List<ValidatorKey> keys = epochKeys.get(j.epoch());
        if (keys == null && !reports.containsKey(j.report())) {
            // the judgment came before this node imported the block that makes the report available, and that block
            // is the first of its epoch here: kept with the report's other early judgments and checked when the block
            // comes (AuditNetworkTest once lost the author's judgments this way, and the block was never audited)
            defer(j);
            return true;
        }
        if (keys == null || j.validator() >= keys.size()) {
            stats.judgmentsRefused.incrementAndGet();
            LOG.debug("audit: judgment of unknown epoch {} or validator {} dropped", j.epoch(), j.validator());
            return keys == null;
        }
        if (!j.verify(keys.get(j.validator()).ed25519().bytes())) {
            stats.judgmentsRefused.incrementAndGet();
            LOG.warn("audit: judgment of validator {} on {} refused: bad signature", j.validator(), shortHex(j.report()));
            return false;
        }
        ReportAudit ra = reports.get(j.report());
        if (ra == null) {
            defer(j);
            return true;
        }
        if (!ra.judge(j)) {
            return true;
        }
        stats.judgmentsReceived.incrementAndGet();
        LOG.info("audit: judgment of validator {} on report {}: {}", j.validator(), shortHex(j.report()),
                j.valid() ? "valid" : "INVALID");
        if (!j.valid()) {
            stats.negativeJudgments.incrementAndGet();
            forward(j, keys);
            BlockAudit b = reportBlock.get(j.report());
            BlockState s = b == null ? null : blocks.get(b.header());
            if (s != null) {
                int tranche = Math.max(1, s.tranche);
                announceForced(b, j.report(), Math.min(tranche, 255));
            }
        }
        verdicts.collect(ra, reportBlock.get(ra.hash()));
        return true;
    }

    /** JAMNP-S CE 145: a new negative judgment goes on to this node's grid neighbours in the judgment's epoch. */
    private void forward(JudgmentPublication j, List<ValidatorKey> keys) {
        int[] own = new int[mine.size()];
        int n = 0;
        for (ValidatorSecrets v : mine) {
            for (int i = 0; i < keys.size(); i++) {
                if (Arrays.equals(keys.get(i).ed25519().bytes(), v.ed25519Public())) {
                    own[n++] = i;
                    break;
                }
            }
        }
        if (n == 0) {
            return; // not an auditor of that epoch
        }
        int[] to = JudgmentForwarding.neighbours(keys.size(), Arrays.copyOf(own, n), j.validator());
        if (to.length == 0) {
            return;
        }
        stats.judgmentsForwarded.incrementAndGet();
        LOG.info("audit: negative judgment of validator {} on report {} forwarded to grid neighbours {}",
                j.validator(), shortHex(j.report()), Arrays.toString(to));
        try {
            outbox.forward(j, to);
        } catch (RuntimeException e) {
            LOG.warn("audit: judgment not forwarded: {}", e.toString());
        }
    }

    /** GP §17.3: on a negative judgment every validator must judge the report; announce and audit it. */
    private void announceForced(BlockAudit b, Hash h, int tranche) {
        ReportAudit ra = reports.get(h);
        int core = b.coreOf(h);
        for (ValidatorSecrets v : mine) {
            int index = b.indexOf(v.ed25519Public());
            if (index < 0 || ra.hasAnnounced(index)) {
                continue;
            }
            announceLater(b, v, index, new AuditItem(core, h), tranche, List.of());
        }
    }

    private void announceLater(BlockAudit b, ValidatorSecrets v, int index, AuditItem item, int tranche,
            List<AuditAnnouncement.NoShow> noShows) {
        byte[] sn = OwnAnnouncements.laterVrf(b, v, item.report(), tranche);
        announceOwn(b, index, v, OwnAnnouncements.later(b, v, item, tranche, sn, noShows));
    }

    /**
     * Later tranches (GP §17.3 eq. latertranches): called periodically. The no-shows of each tranche are counted
     * (and logged) until every announcer of the block's reports has judged, also once the block is audited; new
     * auditors are drawn only for reports not audited yet.
     */
    synchronized void tick(long nowMs) {
        for (BlockState s : blocks.values()) {
            if (s.settled || s.block.empty()) {
                continue;
            }
            if (!s.audited && isAudited(s.block.header())) {
                s.audited = true;
                LOG.info("audit: block {} (slot {}) is audited", shortHex(s.block.header()), s.block.slot());
            }
            int n = (int) Math.min(MAX_TRANCHE, (nowMs - s.seenMs) / trancheMs);
            while (s.tranche < n) {
                s.tranche++;
                laterTranche(s.block, s.tranche);
            }
            // not before tranche 1 has begun: tranche 0's announcements may still be on their way until then, and
            // one that arrives after the others' judgments must still count as a no-show if it is never followed by a
            // judgment (GP §17.3: no-shows are taken at the tranche boundary)
            if (s.audited && (s.tranche >= MAX_TRANCHE || (s.tranche >= 1 && allJudged(s.block)))) {
                s.settled = true;
            }
        }
    }

    private boolean allJudged(BlockAudit b) {
        for (Hash h : b.hashes()) {
            if (h != null && !reports.get(h).allJudged()) {
                return false;
            }
        }
        return true;
    }

    private void laterTranche(BlockAudit b, int n) {
        for (int c = 0; c < b.hashes().length; c++) {
            Hash h = b.hashes()[c];
            if (h == null) {
                continue;
            }
            ReportAudit ra = reports.get(h);
            List<Integer> missing = ra.noShows(n - 1);
            if (missing.isEmpty()) {
                continue;
            }
            stats.noShows.addAndGet(missing.size());
            boolean audited = ra.audited();
            LOG.info("audit: tranche {} of block {}: {} no-show(s) on core {}: validators {}{}", n,
                    shortHex(b.header()), missing.size(), c, missing, audited ? " (the report is audited without them: "
                    + ra.positives() + " of " + validators + " judged it valid)" : "");
            if (audited) {
                continue;
            }
            List<AuditAnnouncement.NoShow> evidence = new ArrayList<>();
            for (int v : missing) {
                AuditAnnouncement a = ra.announcement(n - 1, v);
                if (a != null) {
                    evidence.add(new AuditAnnouncement.NoShow(v, a.items(), a.signature()));
                }
            }
            for (ValidatorSecrets v : mine) {
                int index = b.indexOf(v.ed25519Public());
                if (index < 0 || ra.hasAnnounced(index)) {
                    continue;
                }
                byte[] sn = OwnAnnouncements.laterVrf(b, v, h, n);
                if (OwnAnnouncements.drawn(sn, validators, bias, evidence.size())) {
                    announceOwn(b, index, v, OwnAnnouncements.later(b, v, new AuditItem(c, h), n, sn, evidence));
                }
            }
        }
    }

    private void forgetOld() {
        while (blocks.size() > MAX_BLOCKS) {
            Iterator<Map.Entry<Hash, BlockState>> it = blocks.entrySet().iterator();
            BlockAudit old = it.next().getValue().block;
            it.remove();
            for (Hash h : old.hashes()) {
                if (h != null && reportBlock.get(h) == old) {
                    reports.remove(h);
                    reportBlock.remove(h);
                    auditing.remove(h);
                    results.remove(h);
                    verdicts.forget(h);
                }
            }
        }
    }

    private static int[] cores(List<AuditItem> items) {
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).core();
        }
        return out;
    }

    static String shortHex(Hash h) {
        return h.hex().substring(0, 10);
    }

    private static String shortList(List<Hash> hs) {
        List<String> out = new ArrayList<>();
        for (Hash h : hs) {
            out.add(shortHex(h));
        }
        return out.toString();
    }
}
