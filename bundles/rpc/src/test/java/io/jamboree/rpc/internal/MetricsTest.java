package io.jamboree.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jamboree.accumulate.Accumulation;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.SealKind;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;

import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metrics endpoint over HTTP after importing the first blocks of the public trace {@code fallback}: the body is
 * parsed strictly by the Prometheus text exposition format 0.0.4 (HELP/TYPE comments, samples with escaped label
 * values and float values, every sample in a declared family) and the chain metrics equal the importer's chain.
 */
class MetricsTest {
    private static final ChainParams P = ChainParams.tiny();
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)})? "
                    + "([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))( -?[0-9]+)?");
    private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

    /** A sample: name, labels as written, value. */
    record Sample(String name, String labels, double value) {}

    /** Parses the text format; fails on any line that is not HELP, TYPE, a comment, blank, or a well-formed sample. */
    static List<Sample> parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> out = new ArrayList<>();
        int no = 0;
        for (String line : text.split("\n", -1)) {
            no++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ", 4);
                assertTrue(p.length == 4 && NAME.matcher(p[2]).matches() && TYPES.contains(p[3]), "line " + no + ": " + line);
                assertTrue(types.put(p[2], p[3]) == null, "line " + no + ": family typed twice: " + line);
            } else if (line.startsWith("# HELP ")) {
                String[] p = line.split(" ", 4);
                assertTrue(p.length >= 3 && NAME.matcher(p[2]).matches(), "line " + no + ": " + line);
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Matcher m = SAMPLE.matcher(line);
                assertTrue(m.matches(), "line " + no + " is not a sample: " + line);
                String name = m.group(1);
                String family = name.replaceFirst("_(bucket|sum|count|total|created|info)$", "");
                assertTrue(types.containsKey(name) || types.containsKey(family), "line " + no + ": no TYPE for " + name);
                String v = m.group(4);
                double d = v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : v.equals("NaN") ? Double.NaN : Double.parseDouble(v);
                out.add(new Sample(name, m.group(3) == null ? "" : m.group(3), d));
            }
        }
        return out;
    }

    private static double value(List<Sample> samples, String name, String labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + "{" + labels + "}")).value();
    }

    @Test
    void endpointParsesAndReportsTheChain() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header genesis = Header.decode(g, P);
        Hash.decode(g);
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        importer.initialize(genesis, kvs(g), List.of());
        Block last = null;
        for (int i = 1; i <= 4; i++) {
            Decoder d = new Decoder(Files.readAllBytes(dir.resolve(String.format("%08d.bin", i))));
            Hash.decode(d);
            kvs(d);
            last = Block.decode(d, P);
            assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(last), "step " + i);
        }
        Path data = Files.createTempDirectory("jam-metrics-test");
        Files.write(data.resolve("x.bin"), new byte[1234]);
        MetricsComponent.NodeMetrics metrics = new MetricsComponent.NodeMetrics(importer, () -> null, data,
                () -> new long[] {5, 2}, () -> null);
        metrics.authored(new AuthoredBlock(last, last.header().hash(P), Hash.ZERO, SealKind.FALLBACK, 0, 250_000_000L, 40_000_000L));
        // the auditor's counters, in the order of AuditCounts: reports 1, announcements 2 issued / 3 received, audits 4,
        // failed 5, judgments 6 issued / 7 received / 8 forwarded, negative 9, no-shows 10, verdicts 11, culprits 12
        metrics.audits(() -> new io.jamboree.audit.AuditCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        HttpServer http = metrics.serve(new InetSocketAddress("127.0.0.1", 0));
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            List<Sample> s = parse(r.body());
            assertEquals(4, value(s, "jam_best_block_height", ""));
            assertEquals(last.header().slot(), value(s, "jam_best_block_slot", ""));
            assertEquals(genesis.slot(), value(s, "jam_finalized_block_slot", ""));
            assertEquals(1234, value(s, "jam_store_disk_bytes", ""));
            assertEquals(1, value(s, "jam_block_author_seconds_count", ""));
            assertEquals(0.25, value(s, "jam_block_author_seconds_sum", ""), 1e-9);
            assertEquals(0.04, value(s, "jam_block_import_seconds_sum", ""), 1e-9);
            assertEquals(1, value(s, "jam_blocks_authored_total", "seal=\"fallback\""));
            assertEquals(5, value(s, "jam_peers_connected", ""));
            assertEquals(2, value(s, "jam_peer_stream_errors", ""));
            assertEquals(0, value(s, "jam_pvm_gas_per_second", ""), "no PVM meter: 0");
            assertEquals(1, value(s, "jam_audit_reports_total", ""));
            assertEquals(2, value(s, "jam_audit_announcements_total", "direction=\"issued\""));
            assertEquals(3, value(s, "jam_audit_announcements_total", "direction=\"received\""));
            assertEquals(4, value(s, "jam_audits_total", ""));
            assertEquals(5, value(s, "jam_audits_failed_total", ""));
            assertEquals(6, value(s, "jam_audit_judgments_total", "direction=\"issued\""));
            assertEquals(7, value(s, "jam_audit_judgments_total", "direction=\"received\""));
            assertEquals(8, value(s, "jam_audit_judgments_total", "direction=\"forwarded\""));
            assertEquals(9, value(s, "jam_audit_negative_judgments_total", ""));
            assertEquals(10, value(s, "jam_audit_no_shows_total", ""));
            assertEquals(11, value(s, "jam_audit_verdicts_total", ""));
            assertEquals(12, value(s, "jam_audit_culprits_total", ""));
            assertTrue(s.stream().anyMatch(x -> x.name().startsWith("jvm_memory")), "JVM metrics");
            assertTrue(s.size() > 50, "samples: " + s.size());
        } finally {
            http.stop(0);
            metrics.close();
            Files.deleteIfExists(data.resolve("x.bin"));
            Files.deleteIfExists(data);
        }
    }

    private static List<KeyValue> kvs(Decoder d) {
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        return out;
    }

    /**
     * The PVM metrics are measured in the PVM: accumulation runs on the active engine ({@code ActivePvmEngine} over
     * the interpreter, as in the node), whose meter the metrics read. Before any import the counters are 0; after
     * importing the {@code storage} trace's first blocks (accumulations) executed gas, run time and gas per second are
     * positive, and the executed gas is at most the accumulate gas the blocks' statistics π_S record (which also
     * counts host-call charges, GP §13.2).
     */
    @Test
    void pvmGasIsMeasuredAtTheEngine() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/storage");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header genesis = Header.decode(g, P);
        Hash.decode(g);
        io.jamboree.pvm.select.internal.ActivePvmEngine active = new io.jamboree.pvm.select.internal.ActivePvmEngine();
        active.addEngine(new InterpreterEngine(), Map.of("pvm.engine", "interpreter", "service.id", 1L));
        BlockImporter importer = TestImporters.create(P, new MemoryNodeStore(),
                new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(active));
        importer.initialize(genesis, kvs(g), List.of());
        MetricsComponent.NodeMetrics metrics = new MetricsComponent.NodeMetrics(importer, () -> null, null,
                () -> null, () -> active);
        try {
            List<Sample> before = parse(new String(metrics.scrape(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, value(before, "jam_pvm_executed_gas_total", ""));
            assertEquals(0, value(before, "jam_pvm_run_seconds_total", ""));
            assertEquals(0, value(before, "jam_pvm_gas_per_second", ""), "the PVM has not run");
            ChainQueries chain = new ChainQueries(importer, java.util.Optional::empty);
            long statisticsGas = 0;
            for (int i = 1; i <= 12; i++) {
                Decoder d = new Decoder(Files.readAllBytes(dir.resolve(String.format("%08d.bin", i))));
                Hash.decode(d);
                kvs(d);
                Block b = Block.decode(d, P);
                ImportOutcome.Imported ok = assertInstanceOf(ImportOutcome.Imported.class, importer.importBlock(b), "step " + i);
                statisticsGas += chain.gasUsed(ok.headerHash()).orElseThrow()[1];
            }
            List<Sample> after = parse(new String(metrics.scrape(), java.nio.charset.StandardCharsets.UTF_8));
            double gas = value(after, "jam_pvm_executed_gas_total", "");
            double seconds = value(after, "jam_pvm_run_seconds_total", "");
            assertTrue(statisticsGas > 0, "the trace's blocks accumulate");
            assertTrue(gas > 0 && gas <= statisticsGas, "PVM gas " + gas + ", statistics' accumulate gas " + statisticsGas);
            assertTrue(seconds > 0, "run time " + seconds);
            assertEquals(gas / seconds, value(after, "jam_pvm_gas_per_second", ""), gas / seconds * 1e-6);
            assertEquals(active.gas(), gas);
        } finally {
            metrics.close();
        }
    }
}
