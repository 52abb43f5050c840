package io.jamboree.pvm.recompiler;

/**
 * Two PVM engines disagreed on the result of Ψ (GP 0.7.2 Appendix A.1) for the same program and state; the
 * message says where (exit number, ı) and what differs (exit reason, gas, registers, RAM pages).
 */
public final class PvmDivergenceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PvmDivergenceException(String message) {
        super(message);
    }
}
