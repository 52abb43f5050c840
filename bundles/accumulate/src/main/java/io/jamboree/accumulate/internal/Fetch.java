package io.jamboree.accumulate.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.AccumulationInput;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.List;

/**
 * {@code fetch} = 1, Ω_Y (GP 0.7.2 Appendix B.5). ω_10 selects v: the protocol constants (0), the entropy
 * n (1), the authorizer trace r (2), extrinsic ω_12 of item ω_11 (3) or of the current item i (4), import
 * segment ω_12 of item ω_11 (5) or of item i (6), E(p) (7), the authorizer configuration p_f (8), the
 * authorization token p_j (9), E(p_c) (10), the item summaries E(↕[S(w)]) (11) or S(p_w[ω_11]) (12), the
 * payload of item ω_11 (13), all accumulation inputs E(↕i) (14) or one E(i[ω_11]) (15); v = ∅ (NONE) when
 * the selected component is absent from the invocation's context or an index is out of range. Writes
 * v[f..+l] at ω_7 with f = min(ω_8, |v|), l = min(ω_9, |v| − f) and returns |v|.
 */
final class Fetch {
    static final int INDEX = 1;

    private Fetch() {}

    /** Ω_Y in the accumulate context (GP B.4): n = η'_0 and the inputs i. */
    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        return call(new FetchSources(inv.params, null, inv.entropy.bytes(), null, -1, null, null, inv.inputs), vm);
    }

    /** Ω_Y with the given context. */
    static Outcome call(FetchSources src, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] v = value(src, r[10], r[11], r[12]);
        return HostOutput.write(vm, v, r[7], r[8], r[9]);
    }

    static byte[] value(FetchSources src, long selector, long a, long b) {
        WorkPackage p = src.pkg();
        if (selector == 0) return src.params().encodeConstants();
        if (selector == 1) return src.entropy();
        if (selector == 2) return src.authTrace();
        if (selector == 3) return element(src.extrinsics(), a, b);
        if (selector == 4) return src.item() < 0 ? null : element(src.extrinsics(), src.item(), a);
        if (selector == 5) return element(src.imports(), a, b);
        if (selector == 6) return src.item() < 0 ? null : element(src.imports(), src.item(), a);
        if (selector >= 7 && selector <= 13 && p != null) {
            ChainParams params = src.params();
            if (selector == 7) {
                Encoder e = new Encoder(256);
                p.encode(e, params);
                return e.toByteArray();
            }
            if (selector == 8) return p.authorizerConfig().bytes().clone();
            if (selector == 9) return p.authorization().bytes().clone();
            if (selector == 10) {
                Encoder e = new Encoder(200);
                p.context().encode(e, params);
                return e.toByteArray();
            }
            if (selector == 11) {
                Encoder e = new Encoder(64 * p.items().size() + 1);
                e.natural(p.items().size());
                for (WorkItem w : p.items()) summary(e, w);
                return e.toByteArray();
            }
            if (a < 0 || a >= p.items().size()) return null;
            WorkItem w = p.items().get((int) a);
            if (selector == 12) return summary(new Encoder(62), w).toByteArray();
            return w.payload().bytes().clone();
        }
        List<AccumulationInput> inputs = src.inputs();
        if (selector == 14 && inputs != null) {
            Encoder e = new Encoder(256);
            e.natural(inputs.size());
            for (AccumulationInput i : inputs) i.encode(e, src.params());
            return e.toByteArray();
        }
        if (selector == 15 && inputs != null && a >= 0 && a < inputs.size()) {
            Encoder e = new Encoder(256);
            inputs.get((int) a).encode(e, src.params());
            return e.toByteArray();
        }
        return null;
    }

    /** x[a][b] if both indices are in range (unsigned), else ∅. */
    private static byte[] element(List<List<byte[]>> x, long a, long b) {
        if (x == null || a < 0 || a >= x.size()) return null;
        List<byte[]> row = x.get((int) a);
        if (b < 0 || b >= row.size()) return null;
        return row.get((int) b).clone();
    }

    /**
     * S(w) = E(E_4(w_s), w_c, E_8(w_g, w_a), E_2(w_e, |w_i|, |w_x|), E_4(|w_y|)) (GP B.5, fetch selector 11).
     */
    static Encoder summary(Encoder e, WorkItem w) {
        e.u32(w.service());
        w.codeHash().encode(e);
        e.u64(w.refineGasLimit()).u64(w.accumulateGasLimit());
        e.u16(w.exportCount()).u16(w.importSegments().size()).u16(w.extrinsic().size());
        e.u32(w.payload().bytes().length);
        return e;
    }
}
