package io.jamboree.stf.reports;

import io.jamboree.codec.CodecException;

/**
 * Why a guarantees extrinsic is invalid (GP §11.4); names and codes as in the vectors' {@code reports.asn}
 * (the Graypaper itself does not specify error codes).
 */
public enum ReportsError {
    BAD_CORE_INDEX,
    FUTURE_REPORT_SLOT,
    REPORT_EPOCH_BEFORE_LAST,
    INSUFFICIENT_GUARANTEES,
    OUT_OF_ORDER_GUARANTEE,
    NOT_SORTED_OR_UNIQUE_GUARANTORS,
    WRONG_ASSIGNMENT,
    CORE_ENGAGED,
    ANCHOR_NOT_RECENT,
    BAD_SERVICE_ID,
    BAD_CODE_HASH,
    DEPENDENCY_MISSING,
    DUPLICATE_PACKAGE,
    BAD_STATE_ROOT,
    BAD_BEEFY_MMR_ROOT,
    CORE_UNAUTHORIZED,
    BAD_VALIDATOR_INDEX,
    WORK_REPORT_GAS_TOO_HIGH,
    SERVICE_ITEM_GAS_TOO_LOW,
    TOO_MANY_DEPENDENCIES,
    SEGMENT_ROOT_LOOKUP_INVALID,
    BAD_SIGNATURE,
    WORK_REPORT_TOO_BIG,
    BANNED_VALIDATOR,
    LOOKUP_ANCHOR_NOT_RECENT,
    MISSING_WORK_RESULTS;

    private static final ReportsError[] VALUES = values();

    /** The .asn code (the ordinal). */
    public int code() {
        return ordinal();
    }

    public static ReportsError ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new CodecException("unknown reports error code " + code);
        }
        return VALUES[code];
    }
}
