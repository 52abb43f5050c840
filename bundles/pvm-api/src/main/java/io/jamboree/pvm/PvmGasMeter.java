package io.jamboree.pvm;

/**
 * What the node's PVM executed (GP Appendix A, Ψ): the gas consumed by instructions and the wall time spent running
 * them, counted at the engine boundary by the active engine ({@code pvm.engine=active}) over every
 * {@link PvmInstance#run()} of the programs it prepared. Time in host calls (between runs) and the gas they charge are
 * not counted, so {@link #gas()} / {@link #nanos()} is the engine's own speed. Totals since the node started; they only
 * grow. Registered as an OSGi service by the engine selection bundle.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PvmGasMeter {
    /** Gas consumed by PVM instructions (the drop of the instance's gas counter across each run). */
    long gas();

    /** Nanoseconds of wall time spent inside {@link PvmInstance#run()}. */
    long nanos();

    /** Calls of {@link PvmInstance#run()} (one per invocation, plus one more after each host call). */
    long runs();
}
