package io.jamboree.stf.preimages;

import io.jamboree.codec.CodecException;

/** Why a preimages extrinsic is invalid (GP §12.4); names and codes as in the vectors' {@code preimages.asn}. */
public enum PreimagesError {
    PREIMAGE_UNNEEDED,
    PREIMAGES_NOT_SORTED_UNIQUE;

    private static final PreimagesError[] VALUES = values();

    public int code() {
        return ordinal();
    }

    public static PreimagesError ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new CodecException("unknown preimages error code " + code);
        }
        return VALUES[code];
    }
}
