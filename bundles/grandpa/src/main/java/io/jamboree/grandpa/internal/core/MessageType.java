package io.jamboree.grandpa.internal.core;

/**
 * The GRANDPA message type octet (spec/grandpa.md §5.1, {@code Message Type}): 0 prevote, 1 precommit, 2 primary
 * propose. A wire code, not a selection of behaviour.
 */
public enum MessageType {
    PREVOTE(0), PRECOMMIT(1), PRIMARY_PROPOSE(2);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The octet on the wire and in the signed payload. */
    public int code() {
        return code;
    }

    /** The type of an octet; {@code null} for an unknown one. */
    public static MessageType ofCode(int code) {
        return switch (code) {
            case 0 -> PREVOTE;
            case 1 -> PRECOMMIT;
            case 2 -> PRIMARY_PROPOSE;
            default -> null;
        };
    }
}
