package io.jamboree.stf.statistics;

import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailAssurance;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.Preimage;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorActivityRecord;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.ValidatorSignature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validator activity statistics (GP §13.1): on an epoch change the accumulator {@code π_V} becomes
 * {@code π_L'} and restarts from zero; then the author's blocks, tickets, preimages and preimage octets, each
 * reporter's guarantees and each assurer's assurances are counted. The transition cannot fail.
 * <p>
 * A validator's guarantees count rises by one when its key {@code κ'[v]} is in the reporters set {@code G},
 * however many reports it signed.
 */
public final class ValidatorStatistics {

    private ValidatorStatistics() {}

    /**
     * The vectors' form: the reporters set is derived from the extrinsic's credentials as {@code κ'[v]} (exact
     * when every guarantee was signed under the current assignment {@code M}).
     */
    public static StatisticsState transition(StatisticsState s, StatisticsInput in, ChainParams p) {
        int v = p.validatorsCount();
        ValidatorKeys keys = s.currValidators();
        Set<Ed25519Public> reporters = new HashSet<>();
        List<ReportGuarantee> gs = in.extrinsic().guarantees().guarantees();
        for (int i = 0; i < gs.size(); i++) {
            List<ValidatorSignature> cs = gs.get(i).signatures();
            for (int j = 0; j < cs.size(); j++) {
                int vi = cs.get(j).validatorIndex();
                if (vi < v) {
                    reporters.add(keys.get(vi).ed25519());
                }
            }
        }
        return transition(s, in, reporters, p);
    }

    /** The block form: {@code reporters} is {@code G} as output by the reports transition (GP eq:guarantorsig). */
    public static StatisticsState transition(
            StatisticsState s, StatisticsInput in, Set<Ed25519Public> reporters, ChainParams p) {
        int v = p.validatorsCount();
        boolean newEpoch = in.slot() / p.epochLength() != s.slot() / p.epochLength();
        List<ValidatorActivityRecord> acc = newEpoch
                ? Collections.nCopies(v, ValidatorActivityRecord.ZERO)
                : s.current();
        List<ValidatorActivityRecord> last = newEpoch ? s.current() : s.last();
        Extrinsic e = in.extrinsic();
        ValidatorKeys keys = s.currValidators();

        boolean[] assured = new boolean[v];
        List<AvailAssurance> as = e.assurances().assurances();
        for (int i = 0; i < as.size(); i++) {
            if (as.get(i).validatorIndex() < v) {
                assured[as.get(i).validatorIndex()] = true;
            }
        }
        List<Preimage> ps = e.preimages().preimages();
        long preimageSize = 0;
        for (int i = 0; i < ps.size(); i++) {
            preimageSize += ps.get(i).blob().length();
        }
        int tickets = e.tickets().tickets().size();

        List<ValidatorActivityRecord> next = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            ValidatorActivityRecord a = acc.get(i);
            boolean author = i == in.authorIndex();
            next.add(new ValidatorActivityRecord(
                    a.blocks() + (author ? 1 : 0),
                    a.tickets() + (author ? tickets : 0),
                    a.preImages() + (author ? ps.size() : 0),
                    a.preImagesSize() + (author ? preimageSize : 0),
                    a.guarantees() + (reporters.contains(keys.get(i).ed25519()) ? 1 : 0),
                    a.assurances() + (assured[i] ? 1 : 0)));
        }
        return new StatisticsState(next, last, s.slot(), keys);
    }
}
