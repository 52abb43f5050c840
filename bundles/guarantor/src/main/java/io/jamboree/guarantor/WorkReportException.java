package io.jamboree.guarantor;

/**
 * Ξ(p, c) is ∅ or the package cannot be guaranteed (GP §14.4): not authorized, an authorizer trace over W_R,
 * extrinsic data that does not match the items' extrinsic specs, or imports this node cannot provide.
 */
public final class WorkReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkReportException(String message) {
        super(message);
    }
}
