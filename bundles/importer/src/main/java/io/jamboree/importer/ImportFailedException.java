package io.jamboree.importer;

/**
 * The importer broke down while importing a block or starting from a state: a bug or a failing store, not an invalid
 * block (an invalid block is an {@link ImportOutcome.Rejected} outcome). Thrown by
 * {@link BlockImporter#importBlock} and {@link BlockImporter#initialize} with the cause; the store is left as it was
 * before the call.
 */
public final class ImportFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what the importer was doing, for the message
     * @param cause the unexpected exception
     */
    public ImportFailedException(String what, Throwable cause) {
        super(what + ": " + cause, cause);
    }
}
