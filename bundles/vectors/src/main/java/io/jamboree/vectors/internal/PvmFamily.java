package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code pvm-test-vectors/pvm/programs}: single-program runs of Ψ (GP Appendix A) on EVERY registered
 * {@link PvmEngine} (interpreter, recompiler, plugins): exit reason, page-fault address, registers,
 * instruction counter, gas, and every accessible page of RAM (zero outside the expected chunks). A vector
 * passes only if it passes on all engines.
 */
@Component(service = VectorFamily.class)
public final class PvmFamily implements VectorFamily {
    private final List<PvmEngine> engines;

    @Activate
    public PvmFamily(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY,
                    target = "(!(pvm.engine=active))")
            List<PvmEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    @Override
    public String name() {
        return "pvm";
    }

    @Override
    public boolean recognises(Path dir) {
        Path parent = dir.getParent();
        return dir.getFileName() != null && dir.getFileName().toString().equals("programs")
                && parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("pvm");
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        List<VectorResult> results = new ArrayList<>();
        for (Path file : JsonFiles.list(dir, ".json")) {
            String id = file.getFileName().toString().replaceFirst("\\.json$", "");
            try {
                JsonNode vector = JsonFiles.read(file);
                List<String> bad = new ArrayList<>();
                for (PvmEngine engine : engines) {
                    for (String b : check(engine, vector)) {
                        bad.add(engine.name() + ": " + b);
                    }
                }
                results.add(bad.isEmpty() ? VectorResult.pass(id) : VectorResult.fail(id, String.join("; ", bad)));
            } catch (IOException | RuntimeException e) {
                results.add(VectorResult.fail(id, JsonFiles.describe(e)));
            }
        }
        return new VectorReport(name(), dir, results);
    }

    private static List<String> check(PvmEngine engine, JsonNode t) {
        PvmProgram program = engine.prepare(bytes(t.get("program")));
        Memory memory = new Memory();
        List<long[]> regions = new ArrayList<>();
        for (JsonNode pm : t.get("initial-page-map")) {
            long addr = pm.get("address").asLong();
            long len = pm.get("length").asLong();
            memory.setAccess(addr, len, pm.get("is-writable").asBoolean() ? PageAccess.WRITE : PageAccess.READ);
            regions.add(new long[] {addr, len});
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
        if (!status.equals(expectedStatus)) {
            bad.add("status " + status + ", expected " + expectedStatus);
        }
        if (exit instanceof ExitReason.PageFault(long address) && t.has("expected-page-fault-address")
                && address != t.get("expected-page-fault-address").asLong()) {
            bad.add("fault address " + address + ", expected " + t.get("expected-page-fault-address").asLong());
        }
        long[] expRegs = u64s(t.get("expected-regs"));
        if (!Arrays.equals(expRegs, vm.registers())) {
            int r = Arrays.mismatch(expRegs, vm.registers());
            bad.add("r" + r + " = " + Long.toUnsignedString(vm.registers()[r]) + ", expected " + Long.toUnsignedString(expRegs[r]));
        }
        if (vm.pc() != t.get("expected-pc").asInt()) {
            bad.add("pc " + vm.pc() + ", expected " + t.get("expected-pc").asInt());
        }
        if (vm.gas() != t.get("expected-gas").asLong()) {
            bad.add("gas " + vm.gas() + ", expected " + t.get("expected-gas").asLong());
        }
        for (long[] region : regions) {
            byte[] expected = new byte[(int) region[1]];
            for (JsonNode chunk : t.get("expected-memory")) {
                long a = chunk.get("address").asLong();
                byte[] b = bytes(chunk.get("contents"));
                for (int i = 0; i < b.length; i++) {
                    long off = a + i - region[0];
                    if (off >= 0 && off < expected.length) {
                        expected[(int) off] = b[i];
                    }
                }
            }
            byte[] actual = new byte[expected.length];
            memory.peek(region[0], actual, 0, actual.length);
            int at = Arrays.mismatch(expected, actual);
            if (at >= 0) {
                bad.add(String.format("RAM[%d] = %d, expected %d", region[0] + at, actual[at] & 0xff, expected[at] & 0xff));
            }
        }
        return bad;
    }

    private static byte[] bytes(JsonNode arr) {
        byte[] b = new byte[arr.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) arr.get(i).asInt();
        }
        return b;
    }

    private static long[] u64s(JsonNode arr) {
        long[] v = new long[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseUnsignedLong(arr.get(i).asText());
        }
        return v;
    }
}
