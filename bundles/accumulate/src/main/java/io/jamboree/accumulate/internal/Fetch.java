package io.jamboree.accumulate.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.AccumulationInput;

/**
 * {@code fetch} = 1, Ω_Y (GP 0.7.2 Appendix B.5) in the accumulate context: ω_10 selects the
 * protocol constants (0), the entropy η'_0 (1), all accumulation inputs E(↕i) (14) or one input
 * E(i[ω_11]) (15); anything else is NONE. Writes v[f..+l] at ω_7 with f = min(ω_8, |v|),
 * l = min(ω_9, |v| − f) and returns |v|.
 */
final class Fetch {
    static final int INDEX = 1;

    private Fetch() {}

    static Outcome call(AccumulateInvocation inv, PvmInstance vm) {
        long[] r = vm.registers();
        byte[] v = value(inv, r[10], r[11]);
        return HostOutput.write(vm, v, r[7], r[8], r[9]);
    }

    private static byte[] value(AccumulateInvocation inv, long selector, long index) {
        if (selector == 0) return constants(inv.params);
        if (selector == 1) return inv.entropy.bytes();
        if (selector == 14) {
            Encoder e = new Encoder(256);
            e.natural(inv.inputs.size());
            for (AccumulationInput i : inv.inputs) i.encode(e, inv.params);
            return e.toByteArray();
        }
        if (selector == 15 && index >= 0 && index < inv.inputs.size()) {
            Encoder e = new Encoder(256);
            inv.inputs.get((int) index).encode(e, inv.params);
            return e.toByteArray();
        }
        return null;
    }

    /** The constants blob c of Ω_Y for ω_10 = 0. */
    static byte[] constants(ChainParams p) {
        Encoder e = new Encoder(200);
        e.u64(p.itemDeposit()).u64(p.byteDeposit()).u64(p.baseDeposit());
        e.u16(p.coresCount()).u32(p.preimageExpungePeriod()).u32(p.epochLength());
        e.u64(p.reportAccumulateGas()).u64(p.packageAuthGas()).u64(p.packageRefineGas()).u64(p.blockAccumulateGas());
        e.u16(p.recentHistorySize()).u16(p.maxPackageItems()).u16(p.maxReportDependencies())
                .u16(p.maxTicketsPerBlock());
        e.u32(p.maxLookupAnchorAge());
        e.u16(p.ticketEntriesPerValidator()).u16(p.authPoolMaxSize()).u16(p.slotSeconds()).u16(p.authQueueSize())
                .u16(p.rotationPeriod()).u16(p.maxPackageExtrinsics()).u16(p.assuranceTimeoutPeriod())
                .u16(p.validatorsCount());
        e.u32(p.maxAuthCodeSize()).u32(p.maxBundleSize()).u32(p.maxServiceCodeSize()).u32(p.ecPieceSize())
                .u32(p.maxPackageImports()).u32(p.segmentEcPieces()).u32(p.maxReportVarSize()).u32(p.memoSize())
                .u32(p.maxPackageExports()).u32(p.contestLength());
        return e.toByteArray();
    }
}
