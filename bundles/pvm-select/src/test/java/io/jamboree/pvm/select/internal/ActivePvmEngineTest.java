package io.jamboree.pvm.select.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void unconfiguredTheTieredEngineIsUsedOnceRegistered() {
        ActivePvmEngine active = new ActivePvmEngine();
        Named interpreter = new Named("interpreter");
        Named tiered = new Named("tiered");
        active.addEngine(interpreter, props("interpreter", 3, null));
        assertEquals("interpreter", active.name(), "tiered not registered yet: the fallback");
        active.addEngine(tiered, props("tiered", 4, null));
        assertEquals("tiered", active.name());
        assertSame(tiered, active.current());
        assertEquals("tiered", active.selected());
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

    /** A fake engine whose instances burn {@code perRun} gas per run (and may leave the counter below zero). */
    private record Burning(long perRun) implements PvmEngine {
        @Override
        public String name() {
            return "burning";
        }

        @Override
        public PvmProgram prepare(byte[] blob) {
            return new PvmProgram() {
                @Override
                public boolean valid() {
                    return true;
                }

                @Override
                public int codeLength() {
                    return blob.length;
                }

                @Override
                public io.jamboree.pvm.PvmInstance instantiate(io.jamboree.pvm.Memory memory) {
                    PvmProgram self = this;
                    return new io.jamboree.pvm.PvmInstance() {
                        private long gas;
                        private int pc;
                        private final long[] regs = new long[13];

                        @Override
                        public PvmProgram program() {
                            return self;
                        }

                        @Override
                        public long[] registers() {
                            return regs;
                        }

                        @Override
                        public int pc() {
                            return pc;
                        }

                        @Override
                        public void setPc(int p) {
                            pc = p;
                        }

                        @Override
                        public long gas() {
                            return gas;
                        }

                        @Override
                        public void setGas(long g) {
                            gas = g;
                        }

                        @Override
                        public io.jamboree.pvm.Memory memory() {
                            return memory;
                        }

                        @Override
                        public io.jamboree.pvm.ExitReason run() {
                            gas -= perRun;
                            return gas < 0 ? io.jamboree.pvm.ExitReason.OUT_OF_GAS
                                    : new io.jamboree.pvm.ExitReason.HostCall(1);
                        }

                        @Override
                        public void resumeAfterHostCall() {}
                    };
                }
            };
        }
    }

    /**
     * The meter counts the gas each run of a prepared program's instance consumes (host calls between runs, which
     * charge gas through setGas, are not counted) and one run per call; gas driven below zero counts as what was left.
     */
    @Test
    void preparedProgramsMeterTheirRuns() {
        ActivePvmEngine active = new ActivePvmEngine();
        active.addEngine(new Burning(7), props("burning", 3, null));
        active.configure(config("burning"));
        assertEquals(0, active.gas());
        io.jamboree.pvm.PvmProgram p = active.prepare(new byte[] {1, 2, 3});
        assertEquals(3, p.codeLength());
        io.jamboree.pvm.PvmInstance vm = p.instantiate(new long[13], 0, 100, null);
        assertSame(p, vm.program());
        io.jamboree.pvm.ExitReason e = vm.run(); // 100 -> 93
        assertEquals(new io.jamboree.pvm.ExitReason.HostCall(1), e);
        vm.setGas(vm.gas() - 10); // a host call's charge: 93 -> 83, not PVM execution
        vm.run(); // 83 -> 76
        assertEquals(14, active.gas());
        assertEquals(2, active.runs());
        vm.setGas(5);
        assertEquals(io.jamboree.pvm.ExitReason.OUT_OF_GAS, vm.run()); // 5 -> -2: 5 consumed
        assertEquals(19, active.gas());
        assertEquals(3, active.runs());
        assertTrue(active.nanos() >= 0);
    }

    @Test
    void noEngineAtAllIsAClearError() {
        ActivePvmEngine active = new ActivePvmEngine();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> active.prepare(new byte[0]));
        assertEquals("no PVM engine is registered (selected: 'tiered')", e.getMessage());
    }
}
