package io.jamboree.types;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * An accumulation input {@code I = U ∪ X} (GP §12.2, eq. 12.15): an operand tuple or a deferred transfer,
 * encoded with discriminator 0 / 1 (GP C.2 eq. C.32).
 */
public sealed interface AccumulationInput {

    /** Operand from a work digest. */
    record Operand(OperandTuple operand) implements AccumulationInput {
        public Operand {
            Objects.requireNonNull(operand);
        }
    }

    /** Incoming deferred transfer. */
    record Transfer(DeferredTransfer transfer) implements AccumulationInput {
        public Transfer {
            Objects.requireNonNull(transfer);
        }
    }

    default void encode(Encoder e, ChainParams p) {
        switch (this) {
            case Operand o -> {
                e.u8(0);
                o.operand().encode(e, p);
            }
            case Transfer t -> {
                e.u8(1);
                t.transfer().encode(e, p);
            }
        }
    }

    static AccumulationInput decode(Decoder d, ChainParams p) {
        int at = d.position();
        int tag = d.u8();
        return switch (tag) {
            case 0 -> new Operand(OperandTuple.decode(d, p));
            case 1 -> new Transfer(DeferredTransfer.decode(d, p));
            default -> throw new CodecException("bad accumulation input discriminator " + tag + " at offset " + at);
        };
    }
}
