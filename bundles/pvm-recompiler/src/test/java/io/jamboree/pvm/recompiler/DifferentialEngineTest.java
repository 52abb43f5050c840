package io.jamboree.pvm.recompiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The differential engine (interpreter and recompiler in lockstep): it agrees with the PVM vectors, replays
 * host-call effects (registers, gas, RAM) onto the recompiler over random programs, and reports a
 * divergence precisely when the candidate engine misbehaves.
 */
class DifferentialEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pvmVectors() throws IOException {
        Path dir = RecompilerVectorTest.folder();
        Assertions.assertTrue(Files.isDirectory(dir), "PVM vector folder missing: " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Assertions.assertFalse(files.isEmpty());
        Set<String> known = RecompilerVectorTest.knownFailures();
        DifferentialEngine engine = new DifferentialEngine(new InterpreterEngine(), new RecompilerEngine());
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Path f : files) {
            JsonNode t = JSON.readTree(f.toFile());
            String name = t.get("name").asText();
            long[][] regions = RecompilerVectorTest.regions(t);
            List<String> e = RecompilerVectorTest.expectations(t, RecompilerVectorTest.run(engine, t, regions), regions);
            if (known.contains(name) != !e.isEmpty()) failures.add(name + (e.isEmpty() ? " is listed but passes" : ": " + e));
            else if (e.isEmpty()) passed++;
        }
        System.out.printf("PVM vectors on the differential engine: %d passed, %d known failures, %d exits compared,"
                + " %d divergences%n", passed, files.size() - passed, engine.comparisons(), engine.divergences());
        Assertions.assertEquals(0, engine.divergences());
        Assertions.assertEquals(files.size(), engine.comparisons());
        Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Random programs under Ψ_H with a handler that changes registers, gas and RAM (replayed to the recompiler);
     * chunks are generated on their second entry, so runs mix stepped and generated code.
     */
    @Test
    void randomProgramsWithHostCalls() {
        DifferentialEngine engine = new DifferentialEngine(new InterpreterEngine(), new RecompilerEngine(64, 0, 2));
        int programs = Integer.getInteger("pvm.diff.programs", 10_000) / 4;
        int hostCalls = 0;
        for (int n = 0; n < programs; n++) {
            long seed = DifferentialTest.SEED * 7 + n;
            Random rnd = new Random(seed);
            DifferentialTest.Program p = DifferentialTest.generate(rnd);
            long[] regs = new long[13];
            for (int i = 0; i < 13; i++) regs[i] = DifferentialTest.register(rnd, p);
            byte[][] ram = new byte[DifferentialTest.REGIONS.length][];
            for (int i = 0; i < ram.length; i++) rnd.nextBytes(ram[i] = new byte[(int) DifferentialTest.REGIONS[i][1]]);
            PvmInstance vm = DifferentialTest.instance(engine, p, regs, 0, rnd.nextInt(400), ram);
            int[] calls = {0};
            HostCallHandler h = (index, i) -> {
                if (++calls[0] > 40) return HostCallHandler.Outcome.HALT;
                i.registers()[7] = index * 31 + calls[0];
                i.setGas(i.gas() - (index & 3));
                i.memory().write(0x10000 + (index & 0xFFF), new byte[] {(byte) index, (byte) calls[0]});
                return HostCallHandler.Outcome.CONTINUE;
            };
            try {
                vm.run(h);
            } catch (PvmDivergenceException e) {
                Assertions.fail("seed " + seed + ": " + e.getMessage() + "\n" + DifferentialTest.disassemble(p));
            }
            hostCalls += calls[0];
        }
        System.out.printf("differential engine: %d random programs, %d host calls replayed, %d exits compared%n",
                programs, hostCalls, engine.comparisons());
        Assertions.assertEquals(0, engine.divergences());
        Assertions.assertTrue(hostCalls > programs / 10, "few host calls: " + hostCalls);
    }

    @Test
    void reportsRegisterGasAndMemoryDivergence() {
        byte[] blob = LoopSpeedTest.blob();
        for (int kind = 0; kind < 3; kind++) {
            int k = kind;
            DifferentialEngine engine = new DifferentialEngine(new InterpreterEngine(), new Faulty(new RecompilerEngine(), k));
            long[] regs = new long[13];
            regs[1] = 100;
            Memory m = new Memory();
            m.setAccess(0x10000, 0x1000, io.jamboree.pvm.PageAccess.WRITE);
            PvmInstance vm = engine.prepare(blob).instantiate(regs, 0, 10_000, m);
            PvmDivergenceException e = Assertions.assertThrows(PvmDivergenceException.class, vm::run);
            String expected = switch (k) {
                case 0 -> "ω7 0x0 vs 0x1";
                case 1 -> "gas 9699 vs 9698";
                default -> "page 0x10000: access WRITE vs WRITE, 1 octets differ, first at 0x10005: 0x0 vs 0x2a";
            };
            Assertions.assertTrue(e.getMessage().contains(expected), e.getMessage());
            Assertions.assertTrue(e.getMessage().contains("final exit 0"), e.getMessage());
            Assertions.assertEquals(1, engine.divergences());
        }
    }

    /** An engine that runs a correct one and then corrupts a register (0), the gas (1) or a RAM octet (2). */
    private record Faulty(PvmEngine engine, int kind) implements PvmEngine {
        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public PvmProgram prepare(byte[] blob) {
            PvmProgram p = engine.prepare(blob);
            return new PvmProgram() {
                @Override
                public boolean valid() {
                    return p.valid();
                }

                @Override
                public int codeLength() {
                    return p.codeLength();
                }

                @Override
                public PvmInstance instantiate(Memory memory) {
                    PvmInstance i = p.instantiate(memory);
                    return new PvmInstance() {
                        public PvmProgram program() { return i.program(); }
                        public long[] registers() { return i.registers(); }
                        public int pc() { return i.pc(); }
                        public void setPc(int pc) { i.setPc(pc); }
                        public long gas() { return i.gas(); }
                        public void setGas(long gas) { i.setGas(gas); }
                        public Memory memory() { return i.memory(); }
                        public void resumeAfterHostCall() { i.resumeAfterHostCall(); }

                        public ExitReason run() {
                            ExitReason e = i.run();
                            switch (kind) {
                                case 0 -> i.registers()[7] ^= 1;
                                case 1 -> i.setGas(i.gas() - 1);
                                default -> i.memory().write(0x10005, new byte[] {42});
                            }
                            return e;
                        }
                    };
                }
            };
        }
    }
}
