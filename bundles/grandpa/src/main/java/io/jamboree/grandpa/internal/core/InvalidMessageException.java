package io.jamboree.grandpa.internal.core;

/** A GRANDPA message (vote, commit, catch-up, justification) that breaks a rule; the message says which. */
public final class InvalidMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String message) {
        super(message);
    }
}
