package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test mode for the PVM (GP 0.7.2 Appendix A): runs a reference engine (the interpreter) and a candidate
 * (the recompiler) side by side on the same program and compares them. Registered as
 * {@code pvm.engine=differential}, selectable like any engine ({@code jam import --pvm differential}, Config
 * Admin {@code io.jamboree.pvm engine=differential}).
 *
 * <p>Every run (Ψ) of an instance runs both machines to their exit; exit reason, ı, gas ξ, registers ω, the
 * heap break and every RAM page (access and contents) must then agree, after each host call exit and at the
 * end. The caller sees the reference machine: its host-call handler mutates the reference's registers, gas
 * and RAM, and those results are replayed onto the candidate before it resumes. A disagreement throws
 * {@link PvmDivergenceException} with a precise report (also logged at ERROR).
 */
@Component(service = PvmEngine.class, property = "pvm.engine=differential")
public final class DifferentialEngine implements PvmEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DifferentialEngine.class);

    private final PvmEngine reference;
    private final PvmEngine candidate;
    private final AtomicLong programs = new AtomicLong();
    private final AtomicLong comparisons = new AtomicLong();
    private final AtomicLong divergences = new AtomicLong();

    /**
     * @param reference the engine whose results the caller gets (the interpreter)
     * @param candidate the engine checked against it (the recompiler)
     */
    @Activate
    public DifferentialEngine(@Reference(target = "(pvm.engine=interpreter)") PvmEngine reference,
            @Reference(target = "(pvm.engine=recompiler)") PvmEngine candidate) {
        this.reference = Objects.requireNonNull(reference);
        this.candidate = Objects.requireNonNull(candidate);
    }

    @Override
    public String name() {
        return "differential";
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        PvmProgram a = reference.prepare(blob), b = candidate.prepare(blob);
        programs.incrementAndGet();
        if (a.valid() != b.valid() || a.codeLength() != b.codeLength()) {
            throw diverged("program of " + blob.length + " octets prepared: " + reference.name() + " valid="
                    + a.valid() + " |c|=" + a.codeLength() + ", " + candidate.name() + " valid=" + b.valid()
                    + " |c|=" + b.codeLength());
        }
        return new DifferentialProgram(this, a, b);
    }

    /** @return the number of programs prepared so far */
    public long programs() {
        return programs.get();
    }

    /** @return the number of exits compared so far (host calls and final exits) */
    public long comparisons() {
        return comparisons.get();
    }

    /** @return the number of divergences found so far */
    public long divergences() {
        return divergences.get();
    }

    String referenceName() {
        return reference.name();
    }

    String candidateName() {
        return candidate.name();
    }

    void compared() {
        comparisons.incrementAndGet();
    }

    PvmDivergenceException diverged(String report) {
        divergences.incrementAndGet();
        String msg = "PVM divergence between " + reference.name() + " and " + candidate.name() + ": " + report;
        LOG.error(msg);
        return new PvmDivergenceException(msg);
    }

    /** A program prepared by both engines. */
    record DifferentialProgram(DifferentialEngine engine, PvmProgram a, PvmProgram b) implements PvmProgram {
        @Override
        public boolean valid() {
            return a.valid();
        }

        @Override
        public int codeLength() {
            return a.codeLength();
        }

        @Override
        public PvmInstance instantiate(Memory memory) {
            Memory copy = memory.copy();
            return new DifferentialInstance(this, a.instantiate(memory), b.instantiate(copy));
        }
    }
}
