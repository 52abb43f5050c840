package io.jamboree.importer.internal.cli;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.stf.state.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jam import --chain-spec FILE}: the genesis of a JIP-4 chain spec file. The spec is written here from
 * traces/fallback/genesis.bin (header octets and key-values as JIP-4 lays them out), so the trace's steps must
 * follow from it; the real {@code jam gen-spec} output is imported by the conformance CLI tests.
 */
class ChainSpecGenesisTest {
    private static final ChainParams TINY = ChainParams.tiny();

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** The JIP-4 JSON of a genesis; of the protocol parameters only V, C and E (GP B.5 offsets) are set. */
    static String spec(Genesis g, int v) {
        Encoder e = new Encoder(1024);
        g.header().encode(e, TINY);
        byte[] pp = new byte[134];
        pp[24] = 2; // C
        pp[30] = 12; // E
        pp[92] = (byte) v;
        StringBuilder b = new StringBuilder("{\"id\": \"fallback\", \"bootnodes\": [], \"genesis_header\": \"")
                .append(Hex.plain(e.toByteArray())).append("\", \"genesis_state\": {");
        List<KeyValue> kvs = g.state().keyvals();
        for (int i = 0; i < kvs.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(Hex.plain(kvs.get(i).key().bytes())).append("\": \"")
                    .append(Hex.plain(kvs.get(i).value())).append('"');
        }
        return b.append("}, \"protocol_parameters\": \"").append(Hex.plain(pp)).append("\"}").toString();
    }

    @Test
    void importsTheStepsAfterAChainSpecGenesis() throws Exception {
        Path dir = TraceImportTest.fallback();
        TraceFileReader reader = new TraceFileReader(TINY);
        Genesis g = reader.genesis(dir.resolve("genesis.bin"));
        Path spec = tmp.resolve("fallback-spec.json");
        Files.writeString(spec, spec(g, 6));
        Genesis fromSpec = reader.genesis(spec);
        assertEquals(g.header(), fromSpec.header());
        assertEquals(g.state().stateRoot(), fromSpec.state().stateRoot());
        assertEquals(g.state().keyvals(), fromSpec.state().keyvals());

        FakeImporter fake = new FakeImporter();
        List<Path> steps = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path step = dir.resolve(String.format("%08d.bin", i));
            TraceStep s = reader.step(step);
            fake.answer(s.block().header().hash(TINY), s.postState().keyvals());
            steps.add(step);
        }
        assertEquals(0, new TraceImport(fake, out, err, false).run(spec, steps), outBytes + " " + errBytes);
        assertTrue(outBytes.toString().strip().endsWith("3 passed, 0 failed"), outBytes.toString());
        assertEquals(1, fake.initializations);
    }

    @Test
    void aSpecOfOtherParametersOrWithAGenesisFileIsRefused() throws Exception {
        Path dir = TraceImportTest.fallback();
        Genesis g = new TraceFileReader(TINY).genesis(dir.resolve("genesis.bin"));
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, spec(g, 7));
        assertEquals(2, new TraceImport(new FakeImporter(), out, err, false).run(spec, List.of()));
        assertTrue(errBytes.toString().contains("$.protocol_parameters: V=7, C=2, E=12 are not the tiny chain's"),
                errBytes.toString());
        Files.writeString(spec, spec(g, 6).replace("\"genesis_header\": \"", "\"genesis_header\": \"zz"));
        assertEquals(2, new TraceImport(new FakeImporter(), out, err, false).run(spec, List.of()));
        assertTrue(errBytes.toString().contains("$.genesis_header: not a hex string"), errBytes.toString());
        Files.writeString(spec, spec(g, 6));
        assertEquals(2, new TraceImport(new FakeImporter(), out, err, false).run(spec, List.of(dir.resolve("genesis.bin"))));
        assertTrue(errBytes.toString().contains("both a chain spec"), errBytes.toString());
    }
}
