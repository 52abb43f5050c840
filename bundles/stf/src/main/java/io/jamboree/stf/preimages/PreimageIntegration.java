package io.jamboree.stf.preimages;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import io.jamboree.types.ServiceActivityRecord;
import io.jamboree.types.ServiceStatisticsEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Preimage integration (GP §12.4, with the functions {@code Y} and {@code I} of §12.3): {@code E_P} must be
 * ordered and unique (GP eq:preimagesareordered), every item solicited and not yet provided in the prior
 * state ({@code a_l[(H(d), |d|)] = []}); each item then sets {@code a_p[H(d)] = d} and
 * {@code a_l[(H(d), |d|)] = [τ']}, and the provision statistics {@code π_S[s]_p} (GP §13.2) count it.
 * <p>
 * Pure: a failing transition returns an error and never touches its input.
 */
public final class PreimageIntegration {

    private PreimageIntegration() {}

    public static PreimagesResult transition(PreimagesState s, PreimagesInput in) {
        List<Preimage> ps = in.preimages().preimages();
        // GP eq:preimagesareordered: ordered and unique by (service, data)
        for (int i = 1; i < ps.size(); i++) {
            Preimage a = ps.get(i - 1);
            Preimage b = ps.get(i);
            int c = Long.compare(a.requester(), b.requester());
            if (c == 0) {
                c = Arrays.compareUnsigned(a.blob().bytes(), b.blob().bytes());
            }
            if (c >= 0) {
                return new PreimagesResult.Err(PreimagesError.PREIMAGES_NOT_SORTED_UNIQUE);
            }
        }
        // GP §12.4: Y(δ, s, d) against the prior state
        Hash[] hashes = new Hash[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            Preimage p = ps.get(i);
            hashes[i] = new Hash(Blake2b256.hash(p.blob().bytes()));
            int ai = indexOf(s.accounts(), p.requester());
            if (ai < 0) {
                return new PreimagesResult.Err(PreimagesError.PREIMAGE_UNNEEDED);
            }
            PreimageAccount a = s.accounts().get(ai);
            int q = request(a, hashes[i], p.blob().length());
            if (q < 0 || !a.requests().get(q).slots().isEmpty()) {
                return new PreimagesResult.Err(PreimagesError.PREIMAGE_UNNEEDED);
            }
        }
        // I(δ, E_P) (GP §12.3)
        List<PreimageAccount> accounts = new ArrayList<>(s.accounts());
        Map<Long, ServiceActivityRecord> stats = new TreeMap<>();
        for (int i = 0; i < s.statistics().size(); i++) {
            stats.put(s.statistics().get(i).id(), s.statistics().get(i).record());
        }
        List<Long> now = List.of(in.slot());
        for (int i = 0; i < ps.size(); i++) {
            Preimage p = ps.get(i);
            int ai = indexOf(accounts, p.requester());
            PreimageAccount a = accounts.get(ai);
            List<PreimageAccount.Request> reqs = new ArrayList<>(a.requests());
            int q = request(a, hashes[i], p.blob().length());
            reqs.set(q, new PreimageAccount.Request(hashes[i], p.blob().length(), now));
            List<PreimageAccount.BlobEntry> blobs = new ArrayList<>(a.preimages());
            int at = 0;
            while (at < blobs.size() && blobs.get(at).hash().compareTo(hashes[i]) < 0) {
                at++;
            }
            PreimageAccount.BlobEntry entry = new PreimageAccount.BlobEntry(hashes[i], p.blob());
            if (at < blobs.size() && blobs.get(at).hash().equals(hashes[i])) {
                blobs.set(at, entry);
            } else {
                blobs.add(at, entry);
            }
            accounts.set(ai, new PreimageAccount(a.id(), blobs, reqs));
            ServiceActivityRecord st = stats.getOrDefault(p.requester(), ServiceActivityRecord.ZERO);
            stats.put(p.requester(), new ServiceActivityRecord(st.providedCount() + 1,
                    st.providedSize() + p.blob().length(), st.refinementCount(), st.refinementGasUsed(), st.imports(),
                    st.extrinsicCount(), st.extrinsicSize(), st.exports(), st.accumulateCount(),
                    st.accumulateGasUsed()));
        }
        List<ServiceStatisticsEntry> statList = new ArrayList<>(stats.size());
        for (Map.Entry<Long, ServiceActivityRecord> e : stats.entrySet()) {
            statList.add(new ServiceStatisticsEntry(e.getKey(), e.getValue()));
        }
        return new PreimagesResult.Ok(new PreimagesState(accounts, statList));
    }

    private static int indexOf(List<PreimageAccount> accounts, long id) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static int request(PreimageAccount a, Hash hash, long length) {
        List<PreimageAccount.Request> rs = a.requests();
        for (int i = 0; i < rs.size(); i++) {
            if (rs.get(i).length() == length && rs.get(i).hash().equals(hash)) {
                return i;
            }
        }
        return -1;
    }
}
