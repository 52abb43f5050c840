package io.jamboree.accumulate;

import io.jamboree.types.WorkExecResult;
import java.util.Objects;

/**
 * The result of Ψ_I (GP 0.7.2 Appendix B.2): the authorizer trace (an {@link WorkExecResult.Ok} blob) or a
 * work error (BAD, BIG, out-of-gas, panic), and the gas used.
 */
public record IsAuthorizationResult(WorkExecResult result, long gasUsed) {
    public IsAuthorizationResult {
        Objects.requireNonNull(result);
    }

    /** Whether the package is authorized, i.e. the result is a blob. */
    public boolean authorized() {
        return result instanceof WorkExecResult.Ok;
    }
}
