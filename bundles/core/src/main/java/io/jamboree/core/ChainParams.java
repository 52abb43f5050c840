package io.jamboree.core;

import io.jamboree.codec.Encoder;
import java.util.Locale;
import java.util.Optional;

/**
 * The protocol constants of GP Appendix I.4.4 for one chain configuration. Both {@link #tiny()} and {@link #full()}
 * may be used in the same JVM; every sized type's codec takes a {@code ChainParams}.
 * Field names follow the Graypaper symbol in the Javadoc of each component.
 *
 * @param name                     configuration name ("tiny" or "full")
 * @param validatorsCount          V, total validators
 * @param coresCount               C, total cores
 * @param epochLength              E, slots per epoch
 * @param contestLength            Y, slot within an epoch at which ticket submission ends (epoch tail start)
 * @param rotationPeriod           R, guarantor rotation period in slots
 * @param ticketEntriesPerValidator N, ticket entries per validator
 * @param maxTicketsPerBlock       K, max tickets per extrinsic
 * @param recentHistorySize        H, recent blocks kept
 * @param authPoolMaxSize          O, max items in an authorizer pool
 * @param authQueueSize            Q, items in an authorizer queue
 * @param maxLookupAnchorAge       L, max age of a lookup anchor in slots, and the number of recent headers kept as
 *                                 the ancestor set (see {@link #ancestryLength()})
 * @param assuranceTimeoutPeriod   U, slots before unavailable reports may be replaced
 * @param preimageExpungePeriod    D, slots before an unreferenced preimage may be expunged
 * @param slotSeconds              P, slot period in seconds
 * @param maxPackageItems          I, max work items in a package
 * @param maxReportDependencies    J, max dependencies of a report
 * @param maxPackageExtrinsics     T, max extrinsics in a package
 * @param maxPackageImports        W_M, max imports in a package
 * @param maxPackageExports        W_X, max exports in a package
 * @param reportAccumulateGas      G_A, gas to accumulate one report
 * @param packageAuthGas           G_I, gas for Is-Authorized
 * @param packageRefineGas         G_R, gas for Refine
 * @param blockAccumulateGas       G_T, total accumulation gas per block
 * @param maxAuthCodeSize          W_A, max is-authorized code size
 * @param maxBundleSize            W_B, max work-package bundle size
 * @param maxServiceCodeSize       W_C, max service code size
 * @param ecPieceSize              W_E, erasure-coded piece size in octets
 * @param segmentEcPieces          W_P, erasure-coded pieces per segment
 * @param segmentSize              W_G = W_P·W_E, segment size
 * @param maxReportVarSize         W_R, max total size of unbounded blobs in a report
 * @param memoSize                 W_T, transfer memo size
 * @param itemDeposit              B_I, deposit per storage item
 * @param byteDeposit              B_L, deposit per octet
 * @param baseDeposit              B_S, base service deposit
 * @param auditTrancheSeconds      A, seconds between audit tranches
 * @param auditBiasFactor          F, audit bias factor
 * @param minPublicServiceIndex    S, minimum public service index
 * @param pvmDynAddrAlign          Z_A, PVM dynamic address alignment
 * @param pvmInitInputSize         Z_I, PVM standard init input size
 * @param pvmPageSize              Z_P, PVM page size
 * @param pvmInitZoneSize          Z_Z, PVM init zone size
 */
public record ChainParams(
        String name,
        int validatorsCount,
        int coresCount,
        int epochLength,
        int contestLength,
        int rotationPeriod,
        int ticketEntriesPerValidator,
        int maxTicketsPerBlock,
        int recentHistorySize,
        int authPoolMaxSize,
        int authQueueSize,
        int maxLookupAnchorAge,
        int assuranceTimeoutPeriod,
        int preimageExpungePeriod,
        int slotSeconds,
        int maxPackageItems,
        int maxReportDependencies,
        int maxPackageExtrinsics,
        int maxPackageImports,
        int maxPackageExports,
        long reportAccumulateGas,
        long packageAuthGas,
        long packageRefineGas,
        long blockAccumulateGas,
        int maxAuthCodeSize,
        int maxBundleSize,
        int maxServiceCodeSize,
        int ecPieceSize,
        int segmentEcPieces,
        int segmentSize,
        int maxReportVarSize,
        int memoSize,
        long itemDeposit,
        long byteDeposit,
        long baseDeposit,
        int auditTrancheSeconds,
        int auditBiasFactor,
        long minPublicServiceIndex,
        int pvmDynAddrAlign,
        int pvmInitInputSize,
        int pvmPageSize,
        int pvmInitZoneSize) {

    /** L of full (GP Appendix I.4.4): 14,400 slots, 24 hours of 6-second slots. */
    private static final int FULL_LOOKUP_ANCHOR_AGE = 14_400;

    /** L of tiny: full's L scaled as the preimage expunge period D is (19,200 → 32), as fuzz-proto prescribes. */
    private static final int TINY_LOOKUP_ANCHOR_AGE = FULL_LOOKUP_ANCHOR_AGE * 32 / 19_200;

    private static final ChainParams FULL = new ChainParams("full",
            1023, 341, 600, 500, 10, 2, 16, 8, 8, 80, FULL_LOOKUP_ANCHOR_AGE, 5, 19_200, 6,
            16, 8, 128, 3072, 3072,
            10_000_000L, 50_000_000L, 5_000_000_000L, 3_500_000_000L,
            64_000, 13_791_360, 4_000_000, 684, 6, 4104, 48 * 1024, 128,
            10, 1, 100, 8, 2, 1L << 16, 2, 1 << 24, 1 << 12, 1 << 16);

    /*
     * Tiny: the vectors' chain spec (jam-test-vectors README "Tiny"): V=6, C=2, E=12, Y=10, N=3, K=3, R=4, D=32,
     * W_P=1026 (so W_E=4 to keep W_G=4104), G_T=20,000,000, G_R=1,000,000,000; and L=24, the conformance fuzzer's
     * scaling of L for tiny (fuzz-proto README "Ancestry": L·D_tiny/D_full = 14,400·32/19,200 = 24; the tiny reports
     * vectors have anchors at most 16 slots old, so they hold with it). Everything else as in full.
     */
    private static final ChainParams TINY = new ChainParams("tiny",
            6, 2, 12, 10, 4, 3, 3, 8, 8, 80, TINY_LOOKUP_ANCHOR_AGE, 5, 32, 6,
            16, 8, 128, 3072, 3072,
            10_000_000L, 50_000_000L, 1_000_000_000L, 20_000_000L,
            64_000, 13_791_360, 4_000_000, 4, 1026, 4104, 48 * 1024, 128,
            10, 1, 100, 8, 2, 1L << 16, 2, 1 << 24, 1 << 12, 1 << 16);

    /** The "tiny" test configuration used by the conformance vectors. */
    public static ChainParams tiny() {
        return TINY;
    }

    /** The full Graypaper configuration (GP Appendix I.4.4). */
    public static ChainParams full() {
        return FULL;
    }

    /** "tiny" or "full" (case-insensitive). */
    public static Optional<ChainParams> byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> Optional.of(TINY);
            case "full" -> Optional.of(FULL);
            default -> Optional.empty();
        };
    }

    /**
     * The number of recent headers an importer keeps as the ancestor set A for the lookup-anchor check: L itself
     * (GP §11.4, eq. 11.35, "the lookup anchor must be within the last L imported headers"; L = 14,400 in full).
     * One number per chain serves both this and the anchor-age check of the reports transition (eq. 11.34) and the
     * constants of the fetch host call (GP B.5): for tiny the conformance fuzzer's L = 24 (fuzz-proto README,
     * "Ancestry": "for the tiny spec, the maximum ancestry length A is set to 24").
     */
    public int ancestryLength() {
        return maxLookupAnchorAge;
    }

    /** Validators super-majority {@code ⌊2V/3⌋ + 1}, the number of judgments in a verdict (GP §10.2). */
    public int validatorsSuperMajority() {
        return validatorsCount * 2 / 3 + 1;
    }

    /** Octets of an availability bitfield, {@code ⌈C/8⌉} (GP §11.2.1). */
    public int availBitfieldBytes() {
        return (coresCount + 7) / 8;
    }

    /** The epoch index {@code ⌊τ/E⌋} of a slot (GP §4.8). */
    public long epochOf(long slot) {
        return slot / epochLength;
    }

    /** The slot's phase within its epoch {@code τ mod E} (GP §4.8). */
    public int slotInEpoch(long slot) {
        return (int) (slot % epochLength);
    }

    /** Number of validators assigned to each core, {@code V/C} rounded down. */
    public int validatorsPerCore() {
        return validatorsCount / coresCount;
    }

    /**
     * The protocol constants as the fetch host call returns them for selector 0 (GP Appendix B.5, Ω_Y with
     * ω_10 = 0): E_8(B_I, B_L, B_S) ⌢ E_2(C) ⌢ E_4(D, E) ⌢ E_8(G_A, G_I, G_R, G_T) ⌢ E_2(H, I, J, K) ⌢ E_4(L) ⌢
     * E_2(N, O, P, Q, R, T, U, V) ⌢ E_4(W_A, W_B, W_C, W_E, W_M, W_P, W_R, W_T, W_X, Y). JIP-3 telemetry sends the
     * same bytes as the node's JAM parameters.
     */
    public byte[] encodeConstants() {
        Encoder e = new Encoder(200);
        e.u64(itemDeposit).u64(byteDeposit).u64(baseDeposit);
        e.u16(coresCount).u32(preimageExpungePeriod).u32(epochLength);
        e.u64(reportAccumulateGas).u64(packageAuthGas).u64(packageRefineGas).u64(blockAccumulateGas);
        e.u16(recentHistorySize).u16(maxPackageItems).u16(maxReportDependencies).u16(maxTicketsPerBlock);
        e.u32(maxLookupAnchorAge);
        e.u16(ticketEntriesPerValidator).u16(authPoolMaxSize).u16(slotSeconds).u16(authQueueSize)
                .u16(rotationPeriod).u16(maxPackageExtrinsics).u16(assuranceTimeoutPeriod).u16(validatorsCount);
        e.u32(maxAuthCodeSize).u32(maxBundleSize).u32(maxServiceCodeSize).u32(ecPieceSize)
                .u32(maxPackageImports).u32(segmentEcPieces).u32(maxReportVarSize).u32(memoSize)
                .u32(maxPackageExports).u32(contestLength);
        return e.toByteArray();
    }
}
