package io.jamboree.pvm.select.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selection and fallback of the active engine as engines come and go (a plugin jar added and removed). */
class ActivePvmEngineTest {
    private record Named(String name) implements PvmEngine {
        @Override
        public PvmProgram prepare(byte[] blob) {
            throw new UnsupportedOperationException();
        }
    }

    private static Map<String, Object> props(String name, long id, Integer ranking) {
        return ranking == null ? Map.of("pvm.engine", name, "service.id", id)
                : Map.of("pvm.engine", name, "service.id", id, "service.ranking", ranking);
    }

    private static ActivePvmEngine.Config config(String engine) {
        return new ActivePvmEngine.Config() {
            @Override
            public String engine() {
                return engine;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ActivePvmEngine.Config.class;
            }
        };
    }

    @Test
    void selectedEngineWhileRegisteredElseTheHighestRankedThenTheInterpreter() {
        ActivePvmEngine active = new ActivePvmEngine();
        Named recompiler = new Named("recompiler");
        Named interpreter = new Named("interpreter");
        Named tracing = new Named("tracing");
        active.addEngine(recompiler, props("recompiler", 5, null));
        active.addEngine(interpreter, props("interpreter", 7, null));
        active.configure(config("tracing"));
        assertEquals("interpreter", active.name(), "selected but not yet registered: on a tie the interpreter, though younger");
        active.addEngine(tracing, props("tracing", 9, null));
        assertEquals("tracing", active.name());
        assertSame(tracing, active.current());

        active.removeEngine(tracing, props("tracing", 9, null));
        assertEquals("interpreter", active.name(), "the plugin went away: back to the interpreter");
        assertEquals("tracing", active.selected(), "the selection is kept for when it returns");

        Named ranked = new Named("ranked");
        active.addEngine(ranked, props("ranked", 11, 10));
        assertEquals("ranked", active.name(), "a higher service.ranking wins the fallback");
        active.addEngine(tracing, props("tracing", 12, null));
        assertEquals("tracing", active.name(), "the selected engine is used again once registered");

        assertThrows(IllegalArgumentException.class, () -> active.select("missing"));
        active.select("recompiler");
        assertSame(recompiler, active.current());
    }

    @Test
    void noEngineAtAllIsAClearError() {
        ActivePvmEngine active = new ActivePvmEngine();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> active.prepare(new byte[0]));
        assertEquals("no PVM engine is registered (selected: 'interpreter')", e.getMessage());
    }
}
