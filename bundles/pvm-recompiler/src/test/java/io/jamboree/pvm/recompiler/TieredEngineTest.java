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
 * The tiered engine: every PVM vector, cold (interpreted) and hot (tier 1, chunks generated on the compiler thread
 * lazily or all at once), equal to the interpreter and to the vector's expectations (known failures as in bundles/vectors); random programs under Ψ_H
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
        TieredEngine cold = new TieredEngine(ref, Long.MAX_VALUE, Long.MAX_VALUE, TieredEngine.DEFAULT_HOT_ENTRIES);
        // tier 1 at the first instantiation; chunks generated in the background on their first entry, or all at once
        TieredEngine lazy = new TieredEngine(ref, 1, Long.MAX_VALUE, 1);
        TieredEngine eager = new TieredEngine(ref, 1, Long.MAX_VALUE, 0);
        List<String> failures = new ArrayList<>();
        int passed = 0, tier1Runs = 0, knownSeen = 0;
        long chunkEntries = 0;
        try {
            for (Path f : files) {
                JsonNode t = JSON.readTree(f.toFile());
                String name = t.get("name").asText();
                long[][] regions = RecompilerVectorTest.regions(t);
                RecompilerVectorTest.Run expected = RecompilerVectorTest.run(ref, t, regions);
                byte[] blob = RecompilerVectorTest.bytes(t.get("program"));
                List<String> bad = new ArrayList<>();
                // cold once; each hot engine: its first instantiation makes the program hot, then two runs with the
                // compiler thread drained before each (the second finds the chunks the first entered generated)
                List<RecompilerVectorTest.Run> runs = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                runs.add(RecompilerVectorTest.run(cold, t, regions));
                labels.add("cold");
                for (TieredEngine e : new TieredEngine[] {lazy, eager}) {
                    e.prepare(blob).instantiate(new Memory());
                    for (int k = 0; k < 2; k++) {
                        Assertions.assertTrue(e.awaitCompiler(60_000), "compiler thread stuck");
                        runs.add(RecompilerVectorTest.run(e, t, regions));
                        labels.add((e == lazy ? "lazy" : "eager") + " run " + (k + 1));
                    }
                }
                for (int i = 0; i < runs.size(); i++) {
                    RecompilerVectorTest.Run r = runs.get(i);
                    TieredInstance vm = (TieredInstance) r.vm();
                    if (i == 0 && vm.compiledNow()) failures.add(name + ": cold program on tier 1");
                    if (i > 0 && r.vm().program().valid()) {
                        if (vm.compiledNow()) tier1Runs++;
                        else failures.add(name + " (" + labels.get(i) + "): hot program not on tier 1");
                        chunkEntries += vm.chunkEntries();
                    }
                    String d = r.snap().diff(expected.snap());
                    if (!d.isEmpty()) failures.add(name + " (" + labels.get(i) + ") vs interpreter:" + d);
                    List<String> e = RecompilerVectorTest.expectations(t, r, regions);
                    if (known.contains(name) == e.isEmpty()) {
                        failures.add(name + " (" + labels.get(i) + ")"
                                + (e.isEmpty() ? " is a known failure but passes" : ": " + e));
                    } else if (!e.isEmpty()) bad.addAll(e);
                }
                if (known.contains(name)) knownSeen++;
                else if (bad.isEmpty()) passed++;
            }
        } finally {
            cold.close();
            lazy.close();
            eager.close();
        }
        System.out.printf("PVM vectors on the tiered engine: %d passed cold, lazy and eager, %d known failures, %d runs"
                + " on tier 1, %d entries into generated chunks%n", passed, knownSeen, tier1Runs, chunkEntries);
        Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
        Assertions.assertEquals(files.size() - knownSeen, passed);
        Assertions.assertTrue(tier1Runs > files.size(), "few tier-1 runs: " + tier1Runs);
        Assertions.assertTrue(chunkEntries > files.size(), "few entries into generated code: " + chunkEntries);
        Assertions.assertEquals(0, cold.compiledPrograms());
    }

    /**
     * Random programs under Ψ_H: each starts on the interpreter; its first instantiation makes it hot, and the
     * first host call waits for the compiler, so the machine continues on compiled code after it. The differential
     * engine compares every exit with the interpreter (registers, ı, gas, RAM).
     */
    @Test
    void randomProgramsSwitchAtHostCalls() throws Exception {
        TieredEngine tiered = new TieredEngine(new InterpreterEngine(), 1, Long.MAX_VALUE, 1);
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
