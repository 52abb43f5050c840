package io.jamboree.pvm.recompiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
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
 * The tiered engine: every PVM vector, cold (interpreted) and hot (compiled on the compiler thread), equal to the
 * interpreter and to the vector's expectations (known failures as in bundles/vectors); random programs under Ψ_H
 * that switch from the interpreter to compiled code at a host call, checked in lockstep against the interpreter by
 * the differential engine.
 */
class TieredEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pvmVectorsColdAndHot() throws Exception {
        Path dir = RecompilerVectorTest.folder();
        Assertions.assertTrue(Files.isDirectory(dir), "PVM vector folder missing: " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Assertions.assertFalse(files.isEmpty(), "no PVM vectors in " + dir);
        Set<String> known = RecompilerVectorTest.knownFailures();
        PvmEngine ref = new InterpreterEngine();
        TieredEngine cold = new TieredEngine(ref, Long.MAX_VALUE, Long.MAX_VALUE);
        TieredEngine hot = new TieredEngine(ref, 1, Long.MAX_VALUE);
        List<String> failures = new ArrayList<>();
        int passed = 0, compiledRuns = 0, knownSeen = 0;
        try {
            for (Path f : files) {
                JsonNode t = JSON.readTree(f.toFile());
                String name = t.get("name").asText();
                long[][] regions = RecompilerVectorTest.regions(t);
                RecompilerVectorTest.Run expected = RecompilerVectorTest.run(ref, t, regions);
                // hot: the first instantiation queues the compilation; wait for it, then run on compiled code
                byte[] blob = RecompilerVectorTest.bytes(t.get("program"));
                hot.prepare(blob).instantiate(new Memory());
                Assertions.assertTrue(hot.awaitCompiler(60_000), "compiler thread stuck");
                for (TieredEngine e : new TieredEngine[] {cold, hot}) {
                    RecompilerVectorTest.Run r = RecompilerVectorTest.run(e, t, regions);
                    boolean onCompiled = ((TieredInstance) r.vm()).compiledNow();
                    if (e == hot && r.vm().program().valid()) {
                        if (onCompiled) compiledRuns++;
                        else failures.add(name + ": hot program not compiled");
                    }
                    if (e == cold && onCompiled) failures.add(name + ": cold program compiled");
                    String d = r.snap().diff(expected.snap());
                    if (!d.isEmpty()) failures.add(name + (e == hot ? " (hot)" : " (cold)") + " vs interpreter:" + d);
                    List<String> bad = RecompilerVectorTest.expectations(t, r, regions);
                    if (known.contains(name) == bad.isEmpty()) {
                        failures.add(name + (bad.isEmpty() ? " is a known failure but passes" : ": " + bad));
                    } else if (bad.isEmpty() && e == hot) passed++;
                }
                if (known.contains(name)) knownSeen++;
            }
        } finally {
            cold.close();
            hot.close();
        }
        System.out.printf("PVM vectors on the tiered engine: %d passed cold and hot, %d known failures, %d runs on"
                + " compiled code%n", passed, knownSeen, compiledRuns);
        Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
        Assertions.assertEquals(files.size() - knownSeen, passed);
        Assertions.assertTrue(compiledRuns > files.size() / 2, "few compiled runs: " + compiledRuns);
        Assertions.assertEquals(0, cold.compiledPrograms());
    }

    /**
     * Random programs under Ψ_H: each starts on the interpreter; its first instantiation makes it hot, and the
     * first host call waits for the compiler, so the machine continues on compiled code after it. The differential
     * engine compares every exit with the interpreter (registers, ı, gas, RAM).
     */
    @Test
    void randomProgramsSwitchAtHostCalls() throws Exception {
        TieredEngine tiered = new TieredEngine(new InterpreterEngine(), 1, Long.MAX_VALUE);
        DifferentialEngine engine = new DifferentialEngine(new InterpreterEngine(), tiered);
        int programs = Integer.getInteger("pvm.diff.programs", 10_000) / 4;
        int hostCalls = 0, switched = 0;
        try {
            for (int n = 0; n < programs; n++) {
                long seed = DifferentialTest.SEED * 11 + n;
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
                    if (calls[0] == 1) {
                        try {
                            Assertions.assertTrue(tiered.awaitCompiler(60_000), "compiler thread stuck");
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
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
                if (calls[0] > 0) switched++;
            }
        } finally {
            tiered.close();
        }
        System.out.printf("tiered engine: %d random programs, %d switched to compiled code at a host call, %d host"
                + " calls, %d exits compared, %d programs compiled%n", programs, switched, hostCalls,
                engine.comparisons(), tiered.compiledPrograms());
        Assertions.assertEquals(0, engine.divergences());
        Assertions.assertTrue(switched > programs / 50, "few programs switched: " + switched);
        Assertions.assertTrue(tiered.compiledPrograms() >= switched, "programs compiled: " + tiered.compiledPrograms());
    }
}
