package io.jamboree.stf.safrole;

import java.util.Locale;

/** Safrole transition errors, named and numbered as {@code ErrorCode} in the vectors' {@code safrole.asn}. */
public enum SafroleError {
    BAD_SLOT,
    UNEXPECTED_TICKET,
    BAD_TICKET_ORDER,
    BAD_TICKET_PROOF,
    BAD_TICKET_ATTEMPT,
    RESERVED,
    DUPLICATE_TICKET;

    /** The .asn name, e.g. {@code bad-slot}. */
    public String asnName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
