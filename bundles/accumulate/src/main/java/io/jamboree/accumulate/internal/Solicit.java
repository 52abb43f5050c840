package io.jamboree.accumulate.internal;

import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.ServiceInfo;

/**
 * {@code solicit} = 23, Ω_S (GP 0.7.2 Appendix B.7): requests the preimage (μ[ω_7..+32], ω_8): a new
 * request starts empty, one unavailable since [x, y] becomes [x, y, t]. HUH otherwise, FULL if the
 * new footprint's threshold exceeds the balance.
 *
 * <p>The length z = ω_8 is any 64-bit natural. A new request adds 81 + z octets to a_o (GP §9.3, eq. 9.8,
 * {@code eq:deposits}), so a z of 2^32 or more makes a_t exceed any balance the account can cover and the
 * answer is FULL, as the conformance fuzz reports (0.7.2) confirm; it is not HUH, as the request itself is
 * well-formed (a = error only when an existing request is not [x, y]). Should the gratis offset a_f ever cover
 * such a footprint, the request still cannot be recorded, its key lying outside a_l's domain (H, N_L) (eq. 9.3,
 * {@code eq:serviceaccount}, N_L = N_{2^32}): then HUH.
 */
final class Solicit {
    static final int INDEX = 23;

    private Solicit() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] h = Ram.read(vm.memory(), r[7], 32);
        if (h == null) return Outcome.PANIC;
        long z = r[8]; // unsigned
        boolean inLengths = z >= 0 && z <= 0xFFFF_FFFFL; // z ∈ N_L
        Implications x = inv.x;
        StateKey key = inLengths ? StateKey.request(x.id, h, z) : null;
        byte[] old = inLengths ? inv.item(key) : null;
        ServiceInfo self = x.self();
        ServiceInfo a;
        byte[] status;
        if (old == null) {
            // a new request []: a_i += 2, a_o += 81 + z (eq. 9.8), z taken as the natural it is
            long octets = Footprint.addOctets(Footprint.addOctets(self.bytes(), Footprint.REQUEST_OVERHEAD), z);
            a = AccountInfo.withOctets(AccountInfo.withFootprint(self, 2, 0), octets);
            status = RequestStatus.encode();
        } else {
            long[] l = RequestStatus.decode(old);
            if (l == null || l.length != 2) {
                r[7] = HostCallResult.HUH;
                return Outcome.CONTINUE;
            }
            a = self;
            status = RequestStatus.encode(l[0], l[1], inv.slot);
        }
        if (Footprint.belowThreshold(inv.params, a)) {
            r[7] = HostCallResult.FULL;
            return Outcome.CONTINUE;
        }
        if (key == null) { // a new request of a length outside N_L that the balance would cover: not recordable
            r[7] = HostCallResult.HUH;
            return Outcome.CONTINUE;
        }
        x.state.accounts.putItem(key, status);
        x.setSelf(a);
        r[7] = HostCallResult.OK;
        return Outcome.CONTINUE;
    }
}
