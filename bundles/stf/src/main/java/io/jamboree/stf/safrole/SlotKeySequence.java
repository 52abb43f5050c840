package io.jamboree.stf.safrole;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.ValidatorKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The slot key sequence functions (GP 0.7.2 §6.5): the outside-in sequencer Z (eq. 6.25) and the fallback key
 * sequence F (eq. 6.26, {@code eq:fallbackkeysequence}); used by {@code eq:slotkeysequence}.
 */
public final class SlotKeySequence {

    private SlotKeySequence() {}

    /** Z(s) = [s_0, s_{|s|−1}, s_1, s_{|s|−2}, …] (eq. 6.25). */
    public static <T> List<T> outsideIn(List<T> s) {
        int n = s.size();
        List<T> out = new ArrayList<>(n);
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            out.add(s.get(lo++));
            if (lo <= hi) {
                out.add(s.get(hi--));
            }
        }
        return out;
    }

    /**
     * F(r, k) = [k[E_4^{-1}(H(r ⌢ E_4(i))_{..4})]↺_b | i ← N_E] (eq. 6.26): {@code epochLength} Bandersnatch keys
     * picked from {@code keys} with entropy {@code r}.
     */
    public static List<BandersnatchPublic> fallback(byte[] r, List<ValidatorKey> keys, int epochLength) {
        List<BandersnatchPublic> out = new ArrayList<>(epochLength);
        byte[] pre = new byte[36];
        System.arraycopy(r, 0, pre, 0, 32);
        Blake2b256 h = new Blake2b256();
        for (int i = 0; i < epochLength; i++) {
            pre[32] = (byte) i;
            pre[33] = (byte) (i >>> 8);
            pre[34] = (byte) (i >>> 16);
            pre[35] = (byte) (i >>> 24);
            byte[] d = h.update(pre, 0, 36).digest();
            long x = (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16 | (d[3] & 0xFFL) << 24;
            out.add(keys.get((int) (x % keys.size())).bandersnatch());
        }
        return out;
    }
}
