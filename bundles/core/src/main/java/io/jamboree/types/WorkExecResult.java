package io.jamboree.types;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * The result of a work item, {@code B ∪ E} with {@code E = {∞, ☇, ⊚, ⊖, BAD, BIG}} (GP §11.1.4, eq. 11.7),
 * serialized by {@code O} (GP Appendix C.2, eq. C.32): 0 then {@code ↕o} for output, 1..6 for the errors.
 *
 * <p>Note: the vectors' ASN ({@code lib/jam-types.asn}, {@code WorkExecResult}) still lists only six variants with
 * {@code bad-code [4]} and {@code code-oversize [5]}; GP 0.7.2 eq. C.32 inserts {@code ⊖} (digest/output oversize) at 4,
 * moving BAD to 5 and BIG to 6. No vector exercises those codes; we follow the Graypaper.
 */
public sealed interface WorkExecResult {

    /** The discriminator of {@code O} (GP eq. C.32). */
    int tag();

    /** Successful refinement output. */
    record Ok(Blob output) implements WorkExecResult {
        public Ok {
            Objects.requireNonNull(output);
        }

        @Override
        public int tag() {
            return 0;
        }
    }

    /** {@code ∞}: out of gas. */
    record OutOfGas() implements WorkExecResult {
        @Override
        public int tag() {
            return 1;
        }
    }

    /** {@code ☇}: panic / unexpected termination. */
    record Panic() implements WorkExecResult {
        @Override
        public int tag() {
            return 2;
        }
    }

    /** {@code ⊚}: the number of exports did not match the declared export count. */
    record BadExports() implements WorkExecResult {
        @Override
        public int tag() {
            return 3;
        }
    }

    /** {@code ⊖}: the report's variable-size output exceeded W_R (GP eq. 14.11). */
    record Oversize() implements WorkExecResult {
        @Override
        public int tag() {
            return 4;
        }
    }

    /** {@code BAD}: service code unavailable at the lookup anchor. */
    record BadCode() implements WorkExecResult {
        @Override
        public int tag() {
            return 5;
        }
    }

    /** {@code BIG}: service code larger than W_C. */
    record CodeOversize() implements WorkExecResult {
        @Override
        public int tag() {
            return 6;
        }
    }

    OutOfGas OUT_OF_GAS = new OutOfGas();
    Panic PANIC = new Panic();
    BadExports BAD_EXPORTS = new BadExports();
    Oversize OVERSIZE = new Oversize();
    BadCode BAD_CODE = new BadCode();
    CodeOversize CODE_OVERSIZE = new CodeOversize();

    /** The error variant with discriminator {@code tag} in 1..6. */
    static WorkExecResult error(int tag) {
        return switch (tag) {
            case 1 -> OUT_OF_GAS;
            case 2 -> PANIC;
            case 3 -> BAD_EXPORTS;
            case 4 -> OVERSIZE;
            case 5 -> BAD_CODE;
            case 6 -> CODE_OVERSIZE;
            default -> throw new CodecException("bad work result discriminator " + tag);
        };
    }

    default void encode(Encoder e, ChainParams p) {
        e.u8(tag());
        if (this instanceof Ok ok) {
            ok.output().encode(e);
        }
    }

    static WorkExecResult decode(Decoder d, ChainParams p) {
        int at = d.position();
        int tag = d.u8();
        if (tag == 0) {
            return new Ok(Blob.decode(d));
        }
        if (tag > 6) {
            throw new CodecException("bad work result discriminator " + tag + " at offset " + at);
        }
        return error(tag);
    }
}
