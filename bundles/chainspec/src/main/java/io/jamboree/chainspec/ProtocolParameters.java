package io.jamboree.chainspec;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/**
 * The protocol parameters as a JIP-4 chain spec carries them ({@code protocol_parameters}): the encoding of the
 * constants that the fetch host call returns for selector 0 (GP Appendix B.5, {@code Ω_Y}, ω_10 = 0):
 * {@code E_8(B_I, B_L, B_S), E_2(C), E_4(D, E), E_8(G_A, G_I, G_R, G_T), E_2(H, I, J, K), E_4(L),
 * E_2(N, O, P, Q, R, T, U, V), E_4(W_A, W_B, W_C, W_E, W_M, W_P, W_R, W_T, W_X, Y)}, 134 octets.
 */
public final class ProtocolParameters {
    /** Octets of the encoding. */
    public static final int SIZE = 134;

    private ProtocolParameters() {}

    /** The encoding of {@code p}. */
    public static byte[] encode(ChainParams p) {
        Encoder e = new Encoder(SIZE);
        e.u64(p.itemDeposit()).u64(p.byteDeposit()).u64(p.baseDeposit());
        e.u16(p.coresCount()).u32(p.preimageExpungePeriod()).u32(p.epochLength());
        e.u64(p.reportAccumulateGas()).u64(p.packageAuthGas()).u64(p.packageRefineGas()).u64(p.blockAccumulateGas());
        e.u16(p.recentHistorySize()).u16(p.maxPackageItems()).u16(p.maxReportDependencies()).u16(p.maxTicketsPerBlock());
        e.u32(p.maxLookupAnchorAge());
        e.u16(p.ticketEntriesPerValidator()).u16(p.authPoolMaxSize()).u16(p.slotSeconds()).u16(p.authQueueSize())
                .u16(p.rotationPeriod()).u16(p.maxPackageExtrinsics()).u16(p.assuranceTimeoutPeriod())
                .u16(p.validatorsCount());
        e.u32(p.maxAuthCodeSize()).u32(p.maxBundleSize()).u32(p.maxServiceCodeSize()).u32(p.ecPieceSize())
                .u32(p.maxPackageImports()).u32(p.segmentEcPieces()).u32(p.maxReportVarSize()).u32(p.memoSize())
                .u32(p.maxPackageExports()).u32(p.contestLength());
        return e.toByteArray();
    }

    /**
     * The parameters of an encoding: {@link ChainParams#tiny()} or {@link ChainParams#full()} when it is theirs,
     * else new parameters named {@code name}, with the constants the encoding lacks (A, F, S, Z_*) from full.
     *
     * @throws ChainSpecException if the octets are not {@value #SIZE} or a value is out of range
     */
    public static ChainParams decode(byte[] bytes, String name) {
        if (bytes.length != SIZE) {
            throw new ChainSpecException("protocol parameters are " + SIZE + " octets, got " + bytes.length);
        }
        for (ChainParams known : new ChainParams[] {ChainParams.tiny(), ChainParams.full()}) {
            if (java.util.Arrays.equals(bytes, encode(known))) {
                return known;
            }
        }
        Decoder d = new Decoder(bytes);
        try {
            long bi = d.u64(), bl = d.u64(), bs = d.u64();
            int c = d.u16();
            int dd = u32(d, "D"), e = u32(d, "E");
            long ga = d.u64(), gi = d.u64(), gr = d.u64(), gt = d.u64();
            int h = d.u16(), i = d.u16(), j = d.u16(), k = d.u16();
            int l = u32(d, "L");
            int n = d.u16(), o = d.u16(), pp = d.u16(), q = d.u16(), r = d.u16(), t = d.u16(), u = d.u16(),
                    v = d.u16();
            int wa = u32(d, "W_A"), wb = u32(d, "W_B"), wc = u32(d, "W_C"), we = u32(d, "W_E"), wm = u32(d, "W_M"),
                    wp = u32(d, "W_P"), wr = u32(d, "W_R"), wt = u32(d, "W_T"), wx = u32(d, "W_X"), y = u32(d, "Y");
            d.expectEnd();
            if (v == 0 || c == 0 || e == 0 || y >= e) {
                throw new ChainSpecException("protocol parameters: need V, C, E > 0 and Y < E (V=" + v + ", C=" + c
                        + ", E=" + e + ", Y=" + y + ")");
            }
            ChainParams f = ChainParams.full();
            return new ChainParams(name, v, c, e, y, r, n, k, h, o, q, l, u, dd, pp, i, j, t, wm, wx, ga, gi, gr, gt,
                    wa, wb, wc, we, wp, Math.multiplyExact(we, wp), wr, wt, bi, bl, bs, f.auditTrancheSeconds(),
                    f.auditBiasFactor(), f.minPublicServiceIndex(), f.pvmDynAddrAlign(), f.pvmInitInputSize(),
                    f.pvmPageSize(), f.pvmInitZoneSize());
        } catch (CodecException | ArithmeticException e) {
            throw new ChainSpecException("protocol parameters do not decode: " + e.getMessage(), e);
        }
    }

    private static int u32(Decoder d, String what) {
        long x = d.u32();
        if (x > Integer.MAX_VALUE) {
            throw new ChainSpecException("protocol parameter " + what + " = " + x + " is too large");
        }
        return (int) x;
    }
}
