package io.jamboree.pvm.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every PVM test vector of pvm-test-vectors 0.4 (single-program Ψ cases) through the interpreter and
 * compares status, registers, instruction counter, gas, page-fault address and RAM with the vector.
 * Cases listed in {@code pvm-known-failures.txt} disagree with GP 0.7.2's text; they are reported as aborted
 * when they differ and fail if they unexpectedly match.
 */
class PvmVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KNOWN_FAILURES = loadKnownFailures();

    static Path folder() {
        return VectorsFolder.path().resolve("pvm-test-vectors-0.4/pvm/programs");
    }

    static Stream<Path> vectors() throws IOException {
        Path dir = folder();
        if (!Files.isDirectory(dir)) throw new IllegalStateException("PVM vector folder missing: " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            if (files.isEmpty()) throw new IllegalStateException("no PVM vectors in " + dir);
            return files.stream();
        }
    }

    /** The {@code pvm/} entries of the project's single known-failures list (bundles/vectors). */
    private static Map<String, String> loadKnownFailures() {
        Map<String, String> m = new LinkedHashMap<>();
        Path file = Path.of("..", "vectors", "src", "main", "resources", "known-failures.txt");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.startsWith("pvm/")) continue;
                int sp = line.indexOf(' ');
                m.put(line.substring("pvm/".length(), sp), line.substring(sp + 1).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
        return m;
    }

    @BeforeAll
    static void printKnownFailures() {
        System.out.println("PVM vectors: " + KNOWN_FAILURES.size() + " known failures (from known-failures.txt):");
        KNOWN_FAILURES.forEach((k, v) -> System.out.println("  " + k + " — " + v));
    }

    @Test
    void vectorFolderExists() {
        Assertions.assertTrue(Files.isDirectory(folder()), "PVM vector folder missing: " + folder());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Path file) throws IOException {
        JsonNode t = JSON.readTree(file.toFile());
        String name = t.get("name").asText();
        List<String> mismatches = run(t);
        String known = KNOWN_FAILURES.get(name);
        if (known != null) {
            Assertions.assertFalse(mismatches.isEmpty(), name + " is listed as a known failure but passes");
            Assumptions.abort("known failure: " + known + " " + mismatches);
        }
        Assertions.assertTrue(mismatches.isEmpty(), name + ": " + mismatches);
    }

    private static List<String> run(JsonNode t) {
        PvmEngine engine = new InterpreterEngine();
        PvmProgram program = engine.prepare(bytes(t.get("program")));
        Memory memory = new Memory();
        List<long[]> pages = new ArrayList<>();
        for (JsonNode pm : t.get("initial-page-map")) {
            long addr = pm.get("address").asLong(), len = pm.get("length").asLong();
            memory.setAccess(addr, len, pm.get("is-writable").asBoolean() ? PageAccess.WRITE : PageAccess.READ);
            pages.add(new long[] {addr, len});
        }
        for (JsonNode chunk : t.get("initial-memory")) {
            byte[] b = bytes(chunk.get("contents"));
            memory.poke(chunk.get("address").asLong(), b, 0, b.length);
        }
        PvmInstance vm = program.instantiate(u64s(t.get("initial-regs")), t.get("initial-pc").asInt(),
                t.get("initial-gas").asLong(), memory);
        ExitReason exit = vm.run();

        List<String> bad = new ArrayList<>();
        String status = switch (exit) {
            case ExitReason.Halt h -> "halt";
            case ExitReason.Panic p -> "panic";
            case ExitReason.OutOfGas o -> "out-of-gas";
            case ExitReason.PageFault f -> "page-fault";
            case ExitReason.HostCall h -> "host-call";
        };
        String expectedStatus = t.get("expected-status").asText();
        if (!status.equals(expectedStatus)) bad.add("status " + status + " != " + expectedStatus);
        if (exit instanceof ExitReason.PageFault(long address) && t.has("expected-page-fault-address")
                && address != t.get("expected-page-fault-address").asLong()) {
            bad.add("fault address " + address + " != " + t.get("expected-page-fault-address").asLong());
        }
        long[] expRegs = u64s(t.get("expected-regs"));
        if (!Arrays.equals(expRegs, vm.registers())) {
            bad.add("regs " + Arrays.toString(vm.registers()) + " != " + Arrays.toString(expRegs));
        }
        if (vm.pc() != t.get("expected-pc").asInt()) bad.add("pc " + vm.pc() + " != " + t.get("expected-pc").asInt());
        if (vm.gas() != t.get("expected-gas").asLong()) bad.add("gas " + vm.gas() + " != " + t.get("expected-gas").asLong());
        // RAM: every accessible page must equal the expected chunks, zero elsewhere
        for (long[] pg : pages) {
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
            memory.peek(pg[0], actual, 0, actual.length);
            if (!Arrays.equals(expected, actual)) bad.add("memory differs in page region @" + pg[0]);
        }
        return bad;
    }

    private static byte[] bytes(JsonNode arr) {
        byte[] b = new byte[arr.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) arr.get(i).asInt();
        return b;
    }

    private static long[] u64s(JsonNode arr) {
        long[] v = new long[arr.size()];
        for (int i = 0; i < v.length; i++) v[i] = Long.parseUnsignedLong(arr.get(i).asText());
        return v;
    }
}
