package io.jamboree.pvm.interpreter;

import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import org.osgi.service.component.annotations.Component;

/** The pre-decoding PVM interpreter (GP 0.7.2 Appendix A) as a {@link PvmEngine} service. */
@Component(service = PvmEngine.class, property = "pvm.engine=interpreter")
public final class InterpreterEngine implements PvmEngine {

    @Override
    public String name() {
        return "interpreter";
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        return InterpretedProgram.prepare(blob);
    }
}
