package io.jamboree.pvm.recompiler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every PVM vector (pvm-test-vectors 0.4) on the recompiler, compared with the reference interpreter on the
 * same input (exit, ı, gas, registers, every page of the initial page map) and with the vector's expectations
 * except the {@code pvm/} known failures of bundles/vectors (GP 0.7.2 A.4 ε^μ charges no gas).
 */
class RecompilerVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path folder() {
        return VectorsFolder.path().resolve("pvm-test-vectors-0.4/pvm/programs");
    }

    static Set<String> knownFailures() throws IOException {
        Set<String> s = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("..", "vectors", "src", "main", "resources",
                "known-failures.txt"), StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.startsWith("pvm/")) s.add(line.substring(4, line.indexOf(' ')));
        }
        return s;
    }

    @Test
    void allVectorsMatchInterpreterAndExpectations() throws IOException {
        Path dir = folder();
        Assertions.assertTrue(Files.isDirectory(dir), "PVM vector folder missing: " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Assertions.assertFalse(files.isEmpty(), "no PVM vectors in " + dir);
        Set<String> known = knownFailures();
        PvmEngine rec = new RecompilerEngine(), ref = new InterpreterEngine();
        int equalToInterpreter = 0, equalToVector = 0, knownSeen = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            JsonNode t = JSON.readTree(f.toFile());
            String name = t.get("name").asText();
            long[][] regions = regions(t);
            Run a = run(rec, t, regions), b = run(ref, t, regions);
            String d = a.snap.diff(b.snap);
            if (d.isEmpty()) equalToInterpreter++;
            else failures.add(name + " vs interpreter:" + d);
            List<String> e = expectations(t, a, regions);
            if (known.contains(name)) {
                knownSeen++;
                if (e.isEmpty()) failures.add(name + " is a known failure but matches its vector");
            } else if (e.isEmpty()) equalToVector++;
            else failures.add(name + " vs vector: " + e);
        }
        System.out.printf("PVM vectors on the recompiler: %d/%d equal to the interpreter, %d/%d equal to the vector"
                + " (%d known failures)%n", equalToInterpreter, files.size(), equalToVector, files.size() - knownSeen,
                knownSeen);
        Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    record Run(ExitReason exit, PvmInstance vm, Snapshot snap) {
    }

    static long[][] regions(JsonNode t) {
        List<long[]> l = new ArrayList<>();
        for (JsonNode pm : t.get("initial-page-map")) l.add(new long[] {pm.get("address").asLong(), pm.get("length").asLong()});
        return l.toArray(long[][]::new);
    }

    static Run run(PvmEngine engine, JsonNode t, long[][] regions) {
        Memory memory = new Memory();
        for (JsonNode pm : t.get("initial-page-map")) {
            memory.setAccess(pm.get("address").asLong(), pm.get("length").asLong(),
                    pm.get("is-writable").asBoolean() ? PageAccess.WRITE : PageAccess.READ);
        }
        for (JsonNode chunk : t.get("initial-memory")) {
            byte[] b = bytes(chunk.get("contents"));
            memory.poke(chunk.get("address").asLong(), b, 0, b.length);
        }
        PvmInstance vm = engine.prepare(bytes(t.get("program"))).instantiate(u64s(t.get("initial-regs")),
                t.get("initial-pc").asInt(), t.get("initial-gas").asLong(), memory);
        ExitReason e = vm.run();
        return new Run(e, vm, Snapshot.of(e, vm, regions));
    }

    static List<String> expectations(JsonNode t, Run r, long[][] regions) {
        List<String> bad = new ArrayList<>();
        String status = switch (r.exit) {
            case ExitReason.Halt h -> "halt";
            case ExitReason.Panic p -> "panic";
            case ExitReason.OutOfGas o -> "out-of-gas";
            case ExitReason.PageFault f -> "page-fault";
            case ExitReason.HostCall h -> "host-call";
        };
        if (!status.equals(t.get("expected-status").asText())) bad.add("status " + status);
        if (r.exit instanceof ExitReason.PageFault(long address) && t.has("expected-page-fault-address")
                && address != t.get("expected-page-fault-address").asLong()) bad.add("fault address " + address);
        if (!Arrays.equals(u64s(t.get("expected-regs")), r.vm.registers())) bad.add("regs");
        if (r.vm.pc() != t.get("expected-pc").asInt()) bad.add("pc " + r.vm.pc());
        if (r.vm.gas() != t.get("expected-gas").asLong()) bad.add("gas " + r.vm.gas());
        for (long[] pg : regions) {
            byte[] expected = new byte[(int) pg[1]];
            for (JsonNode chunk : t.get("expected-memory")) {
                long a = chunk.get("address").asLong();
                byte[] b = bytes(chunk.get("contents"));
                for (int i = 0; i < b.length; i++) {
                    long off = a + i - pg[0];
                    if (off >= 0 && off < expected.length) expected[(int) off] = b[i];
                }
            }
            byte[] actual = new byte[expected.length];
            r.vm.memory().peek(pg[0], actual, 0, actual.length);
            if (!Arrays.equals(expected, actual)) bad.add("memory @" + pg[0]);
        }
        return bad;
    }

    static byte[] bytes(JsonNode arr) {
        byte[] b = new byte[arr.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) arr.get(i).asInt();
        return b;
    }

    static long[] u64s(JsonNode arr) {
        long[] v = new long[arr.size()];
        for (int i = 0; i < v.length; i++) v[i] = Long.parseUnsignedLong(arr.get(i).asText());
        return v;
    }
}
