package io.jamboree.chainspec.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.ChainSpecJson;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.Header;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jam gen-spec as a command: dev specs of tiny and full, a spec of a trace genesis, bad arguments. */
class GenSpecCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        outBytes.reset();
        errBytes.reset();
        return new GenSpecCommand().run(List.of(args), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @Test
    void tinyToStdout() {
        assertEquals(0, run("--chain", "tiny"), errBytes.toString());
        ChainSpec spec = ChainSpecJson.parse(outBytes.toString(StandardCharsets.UTF_8), "stdout");
        // genesis-config.md "Expected hash"
        assertEquals("0x2531a16fa6717458a12d8252381223aad7cd9f9a75e07adb3a413b8320da62bf", spec.genesisHash().hex());
        assertTrue(errBytes.toString().contains(spec.genesisHash().hex()), errBytes.toString());
        // the sample service is deployed: its account is in the written state, as in DevGenesis.spec
        assertTrue(spec.genesisState().stream().anyMatch(kv -> java.util.Arrays.equals(kv.key().bytes(),
                io.jamboree.merkle.StateKey.serviceAccount(io.jamboree.sample.SampleService.ID).bytes())));
        assertEquals(io.jamboree.chainspec.internal.DevGenesis.spec(io.jamboree.core.ChainParams.tiny()).genesisStateRoot(),
                spec.genesisStateRoot());
        // genesis-config.md "All Specs": Tiny, the header of the doc's earlier revision (author index 0)
        assertEquals(0, run("--chain", "tiny", "--genesis-author-index", "0"), errBytes.toString());
        assertEquals("0xe864d485113737c28c2fef3b2aed39cb2f289a369b15c54e9c44720bcfdc0ca0",
                ChainSpecJson.parse(outBytes.toString(StandardCharsets.UTF_8), "stdout").genesisHash().hex());
    }

    /**
     * Full, 1023 dev validators: with author index 0 the header is the one whose hash genesis-config.md lists for
     * Full (0x57f075e6…), as 0xe864d485… is the tiny header with author index 0.
     */
    @Test
    void fullToFile() {
        Path file = tmp.resolve("full.json");
        assertEquals(0, run("--chain", "full", "-o", file.toString(), "--id", "my-full"), errBytes.toString());
        assertTrue(errBytes.toString().contains("computing the ring root over 1023 keys"), errBytes.toString());
        ChainSpec spec = ChainSpecJson.read(file);
        assertEquals("my-full", spec.id());
        assertEquals(ChainParams.full(), spec.params());
        assertEquals(1023, spec.genesisHeader().epochMark().validators().size());
        assertEquals(1023, StateCodec.decode(spec.genesisState(), ChainParams.full()).kappa().size());
        Header h = spec.genesisHeader();
        Header authorZero = new Header(h.parent(), h.parentStateRoot(), h.extrinsicHash(), h.slot(), h.epochMark(),
                h.ticketsMark(), 0, h.entropySource(), h.offendersMark(), h.seal());
        assertEquals("0x57f075e6bb0b8778b59261fa7ec32626464e4d2f444fca4312dfbf94f3584032",
                authorZero.hash(ChainParams.full()).hex());
        assertTrue(errBytes.toString().contains("1023 of 1023 dev validator keys derived"), errBytes.toString());
    }

    /** A trace genesis as a spec: same header hash and state root as the trace's first step builds on. */
    @Test
    void fromTraceGenesis() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback");
        assertEquals(0, run("--chain", "tiny", "--genesis", dir.resolve("genesis.bin").toString()), errBytes.toString());
        ChainSpec spec = ChainSpecJson.parse(outBytes.toString(StandardCharsets.UTF_8), "stdout");
        assertEquals("fallback", spec.id());
        // the first block's parent and parent state root (traces/fallback/00000001.json)
        String step1 = java.nio.file.Files.readString(dir.resolve("00000001.json"));
        assertTrue(step1.contains("\"parent\": \"" + spec.genesisHash().hex() + "\""), "parent of block 1");
        assertTrue(step1.contains("\"parent_state_root\": \"" + spec.genesisStateRoot().hex() + "\""), "state root");
    }

    @Test
    void badArguments() {
        assertEquals(2, run("--chain", "huge"));
        assertTrue(errBytes.toString().contains("--chain is tiny or full"), errBytes.toString());
        assertEquals(2, run("--chain", "tiny", "--validators", "7"));
        assertTrue(errBytes.toString().contains("--validators must be 1..6"), errBytes.toString());
        assertEquals(2, run("--chain", "tiny", "--bootnode", "bob@1.2.3.4:5"));
        assertTrue(errBytes.toString().contains("$.bootnodes[0]"), errBytes.toString());
        assertEquals(2, run("--chain", "tiny", "--genesis", tmp.resolve("none.bin").toString()));
        assertEquals(2, run("--frobnicate", "1"));
        assertEquals(2, run("--genesis-author-index", "65536"));
        assertTrue(errBytes.toString().contains("0..65535"), errBytes.toString());
        assertEquals(2, run("--chain"));
    }
}
