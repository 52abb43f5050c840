package io.jamboree.rpc;

/** A submission through the RPC was refused; the message says why. */
public class SubmissionRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubmissionRefusedException(String message) {
        super(message);
    }
}
