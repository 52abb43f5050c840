package io.jamboree.stf.assurances;

import io.jamboree.codec.CodecException;

/** Why an assurances extrinsic is invalid (GP §11.2.1); names and codes as in the vectors' {@code assurances.asn}. */
public enum AssurancesError {
    BAD_ATTESTATION_PARENT,
    BAD_VALIDATOR_INDEX,
    CORE_NOT_ENGAGED,
    BAD_SIGNATURE,
    NOT_SORTED_OR_UNIQUE_ASSURERS;

    private static final AssurancesError[] VALUES = values();

    public int code() {
        return ordinal();
    }

    public static AssurancesError ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new CodecException("unknown assurances error code " + code);
        }
        return VALUES[code];
    }
}
