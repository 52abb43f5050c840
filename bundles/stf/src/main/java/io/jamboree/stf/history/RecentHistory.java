package io.jamboree.stf.history;

import io.jamboree.core.ChainParams;
import io.jamboree.merkle.MerkleMountainRange;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.Hash;
import io.jamboree.types.Mmr;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportedWorkPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent-history transition β → β' (GP 0.7.2 §7).
 *
 * <ul>
 *   <li>eq. 7.5 ({@code eq:correctlaststateroot}): β_H† = β_H with the last item's state root set to H_r;</li>
 *   <li>eq. 7.7 ({@code eq:accoutbeltdef}): β_B' = A(β_B, r, H_K), r the accumulation-output root (an input);</li>
 *   <li>eq. 7.8 ({@code eq:recenthistorydef}): β_H' = the last H items of
 *       β_H† ⌢ (p, h: H(H), s: 0^32, b: M_R(β_B')).</li>
 * </ul>
 * The reported packages p form a dictionary ⟨H → H⟩ (eq. 7.2), kept in key order as its encoding (GP C.1.5)
 * requires.
 * Pure: the prior state is never modified.
 */
public final class RecentHistory {

    private static final Hash ZERO_HASH = new Hash(new byte[32]);

    private RecentHistory() {}

    /** β† (GP eq. 7.5): β with the last item's state root set to the parent state root H_r. */
    public static RecentBlocks dagger(RecentBlocks beta, Hash parentStateRoot) {
        List<BlockInfo> hist = beta.history();
        if (hist.isEmpty()) {
            return beta;
        }
        List<BlockInfo> out = new ArrayList<>(hist);
        BlockInfo last = hist.get(hist.size() - 1);
        out.set(hist.size() - 1, new BlockInfo(last.headerHash(), last.beefyRoot(), parentStateRoot, last.reported()));
        return new RecentBlocks(out, beta.mmr());
    }

    /** β' from β and the block's inputs; H is {@link ChainParams#recentHistorySize()}. */
    public static RecentBlocks transition(RecentBlocks pre, HistoryInput input, ChainParams params) {
        final int maxBlocks = params.recentHistorySize();
        List<BlockInfo> prior = pre.history();
        int n = prior.size();
        List<BlockInfo> next = new ArrayList<>(Math.min(n + 1, maxBlocks));
        for (int i = Math.max(0, n + 1 - maxBlocks); i < n; i++) {
            BlockInfo b = prior.get(i);
            next.add(i == n - 1
                    ? new BlockInfo(b.headerHash(), b.beefyRoot(), input.parentStateRoot(), b.reported())
                    : b);
        }
        MerkleMountainRange log = toBelt(pre.mmr()).appendKeccak(input.accumulateRoot().bytes());
        List<ReportedWorkPackage> reported = new ArrayList<>(input.workPackages());
        reported.sort((a, b) -> a.hash().compareTo(b.hash()));
        next.add(new BlockInfo(input.headerHash(), new Hash(log.superPeak()), ZERO_HASH, reported));
        return new RecentBlocks(next, fromBelt(log));
    }

    private static MerkleMountainRange toBelt(Mmr mmr) {
        List<byte[]> peaks = new ArrayList<>(mmr.peaks().size());
        for (Hash h : mmr.peaks()) {
            peaks.add(h == null ? null : h.bytes());
        }
        return new MerkleMountainRange(peaks);
    }

    private static Mmr fromBelt(MerkleMountainRange belt) {
        List<Hash> peaks = new ArrayList<>(belt.size());
        for (int i = 0; i < belt.size(); i++) {
            byte[] p = belt.peak(i);
            peaks.add(p == null ? null : new Hash(p));
        }
        return new Mmr(peaks);
    }
}
