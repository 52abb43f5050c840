package io.jamboree.importer.internal.cli;

import io.jamboree.stf.state.StateDiff;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.Genesis;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Hash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace-import logic of {@code jam import} over the public {@code traces/fallback} vectors, with a
 * fake importer that answers each block with the vector's own post-state (the real importer is tested
 * by its own module and the conformance suite): pass/fail accounting, re-initialisation, rejected
 * blocks, resume, and errors on bad input.
 */
class TraceImportTest {
    private static final ChainParams TINY = ChainParams.tiny();

    @TempDir
    Path tmp;

    private Path traces;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    static Path fallback() {
        Path base = VectorsFolder.path();
        Path p = base.resolve("jam-test-vectors-0.7.2");
        Path dir = (Files.isDirectory(p) ? p : base).resolve("traces/fallback");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("vector folder missing: " + dir);
        }
        return dir;
    }

    @BeforeEach
    void copyFirstSteps() throws IOException {
        traces = tmp.resolve("fallback");
        Files.createDirectories(traces);
        Files.copy(fallback().resolve("genesis.bin"), traces.resolve("genesis.bin"));
        for (int i = 1; i <= 5; i++) {
            String n = String.format("%08d.bin", i);
            Files.copy(fallback().resolve(n), traces.resolve(n));
        }
    }

    /** A fake that produces exactly the post-states of the copied steps. */
    private FakeImporter faithfulFake() throws Exception {
        FakeImporter fake = new FakeImporter();
        TraceFileReader reader = new TraceFileReader(TINY);
        for (int i = 1; i <= 5; i++) {
            TraceStep s = reader.step(traces.resolve(String.format("%08d.bin", i)));
            fake.answer(s.block().header().hash(TINY), s.postState().keyvals());
        }
        return fake;
    }

    private int run(FakeImporter fake, Path... paths) {
        return new TraceImport(fake, out, err, false).run(List.of(paths));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFolderWithGenesisPassesAndPrintsTimings() throws Exception {
        FakeImporter fake = faithfulFake();
        assertEquals(0, run(fake, traces), out() + err());
        assertTrue(out().strip().endsWith("5 passed, 0 failed"), out());
        assertTrue(out().startsWith("store: empty\n"), out());
        assertTrue(out().contains("import time per block (5 blocks): mean "), out());
        assertTrue(out().contains(" p50 ") && out().contains(" p90 ") && out().contains(" p99 ") && out().contains(" max "), out());
        assertEquals(1, fake.initializations, "the genesis only: every pre-state follows from the last step");
        assertEquals(5, fake.imports);
        assertTrue(!out().contains("FAIL"), out());
    }

    @Test
    void jsonAndBinaryStepsDecodeToTheSameTrace() throws Exception {
        TraceFileReader reader = new TraceFileReader(TINY);
        for (int i = 1; i <= 5; i++) { // the folder has JSON for the first five steps only
            String n = String.format("%08d", i);
            TraceStep bin = reader.step(fallback().resolve(n + ".bin"));
            TraceStep json = reader.step(fallback().resolve(n + ".json"));
            assertEquals(bin.preState().stateRoot(), json.preState().stateRoot());
            assertEquals(bin.preState().keyvals(), json.preState().keyvals());
            assertEquals(bin.postState().keyvals(), json.postState().keyvals());
            assertArrayEquals(encode(bin), encode(json), n);
            assertEquals(bin.postState().stateRoot(), StateCodec.root(StateCodec.toMap(bin.postState().keyvals())), "M_σ of the post-state of " + n);
        }
        Genesis gb = reader.genesis(fallback().resolve("genesis.bin"));
        Genesis gj = reader.genesis(fallback().resolve("genesis.json"));
        assertEquals(gb.header().hash(TINY), gj.header().hash(TINY));
        assertEquals(gb.state().keyvals(), gj.state().keyvals());
        TraceStep first = reader.step(fallback().resolve("00000001.bin"));
        assertEquals(gb.header().hash(TINY), first.block().header().parent(), "block 1 extends the genesis header");
        assertEquals(gb.state().stateRoot(), first.preState().stateRoot());
    }

    @Test
    void aWrongPostStateFailsWithTheDifferingKeysAndTheNextStepStillRuns() throws Exception {
        FakeImporter fake = faithfulFake();
        TraceFileReader reader = new TraceFileReader(TINY);
        TraceStep s3 = reader.step(traces.resolve("00000003.bin"));
        List<KeyValue> wrong = new ArrayList<>(s3.postState().keyvals());
        KeyValue victim = wrong.get(1);
        byte[] v = victim.value();
        v[0] ^= 1;
        wrong.set(1, new KeyValue(victim.key(), v));
        fake.answer(s3.block().header().hash(TINY), wrong);

        assertEquals(1, run(fake, traces), out() + err());
        assertTrue(out().strip().endsWith("4 passed, 1 failed"), out());
        assertTrue(out().contains("FAIL " + traces.resolve("00000003.bin") + ": state root "), out());
        assertTrue(out().contains("  key " + io.jamboree.core.Hex.encode(victim.key().bytes()) + " ["), out());
        assertEquals(2, fake.initializations, "step 4 starts again from its pre-state");
        assertEquals(3, fake.ancestries.get(1).size(), "genesis, blocks 1 and 2 precede the parent (block 3)");
    }

    @Test
    void aStepThatLeavesTheStateUnchangedMustBeRejected() throws Exception {
        FakeImporter fake = faithfulFake();
        TraceFileReader reader = new TraceFileReader(TINY);
        TraceStep s2 = reader.step(traces.resolve("00000002.bin"));
        Files.write(traces.resolve("00000002.bin"), encode(new TraceStep(s2.preState(), s2.block(), s2.preState())));
        fake.answer(s2.block().header().hash(TINY), null); // the fake rejects it
        assertEquals(0, run(fake, traces.resolve("genesis.bin"), traces.resolve("00000001.bin"), traces.resolve("00000002.bin")),
                out() + err());
        assertTrue(out().strip().endsWith("2 passed, 0 failed"), out());

        fake.answer(s2.block().header().hash(TINY), s2.postState().keyvals()); // now it accepts it: wrong
        outBytes.reset();
        FakeImporter fresh = faithfulFake();
        fresh.answer(s2.block().header().hash(TINY), s2.postState().keyvals());
        assertEquals(1, run(fresh, traces.resolve("genesis.bin"), traces.resolve("00000001.bin"), traces.resolve("00000002.bin")));
        assertTrue(out().contains("but must be rejected"), out());
    }

    @Test
    void aRejectedValidBlockFails() throws Exception {
        FakeImporter fake = faithfulFake();
        TraceFileReader reader = new TraceFileReader(TINY);
        fake.answer(reader.step(traces.resolve("00000004.bin")).block().header().hash(TINY), null);
        assertEquals(1, run(fake, traces));
        assertTrue(out().contains("FAIL " + traces.resolve("00000004.bin") + ": the block was rejected: told to reject"), out());
        assertTrue(out().strip().endsWith("4 passed, 1 failed"), out());
    }

    @Test
    void aSecondRunResumesAfterTheBlocksAlreadyStored() throws Exception {
        FakeImporter fake = faithfulFake();
        assertEquals(0, run(fake, traces.resolve("genesis.bin"), traces.resolve("00000001.bin"), traces.resolve("00000002.bin"),
                traces.resolve("00000003.bin")));
        outBytes.reset();
        assertEquals(0, run(fake, traces), out() + err());
        assertTrue(out().contains("store: best head " + hashOf(new TraceFileReader(TINY).step(traces.resolve("00000003.bin"))).hex()
                + " (00000003.bin), state root "), out());
        assertTrue(out().contains("resume: 3 steps already imported, continuing with 00000004.bin"), out());
        assertTrue(out().strip().endsWith("5 passed, 0 failed"), out());
        assertTrue(out().contains("import time per block (2 blocks)"), out());
        assertEquals(1, fake.initializations, "the stored genesis is not initialised again");
        assertEquals(5, fake.imports, "3 in the first run, 2 in the second");
    }

    @Test
    void resumeWorksWhenTheImporterHasPrunedOlderStates() throws Exception {
        FakeImporter fake = faithfulFake();
        TraceFileReader reader = new TraceFileReader(TINY);
        assertEquals(0, run(fake, traces.resolve("genesis.bin"), traces.resolve("00000001.bin"), traces.resolve("00000002.bin"),
                traces.resolve("00000003.bin")));
        fake.prune(reader.genesis(traces.resolve("genesis.bin")).header().hash(TINY));
        fake.prune(hashOf(reader.step(traces.resolve("00000001.bin"))));
        outBytes.reset();
        assertEquals(0, run(fake, traces), out() + err());
        assertTrue(out().contains("resume: 3 steps already imported, continuing with 00000004.bin"), out());
        assertTrue(out().strip().endsWith("5 passed, 0 failed"), out());
        assertEquals(1, fake.initializations, "the pruned genesis is not initialised again");
    }

    @Test
    void aBestHeadWithoutStateIsReportedAndTheImportProceeds() throws Exception {
        FakeImporter fake = faithfulFake();
        assertEquals(0, run(fake, traces));
        // the best head loses its state; a new folder with the first step still imports from the stored genesis
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.copy(traces.resolve("genesis.bin"), other.resolve("genesis.bin"));
        Files.copy(traces.resolve("00000001.bin"), other.resolve("00000001.bin"));
        fake.prune(hashOf(new TraceFileReader(TINY).step(traces.resolve("00000005.bin"))));
        outBytes.reset();
        assertEquals(0, run(fake, other), out() + err());
        assertTrue(out().strip().endsWith("1 passed, 0 failed"), out());
    }

    @Test
    void stepsWithoutGenesisStartFromTheirPreState() throws Exception {
        FakeImporter fake = faithfulFake();
        Files.delete(traces.resolve("genesis.bin"));
        assertEquals(0, run(fake, traces), out());
        assertTrue(out().strip().endsWith("5 passed, 0 failed"), out());
        assertEquals(1, fake.initializations, "step 1 starts from its pre-state under its parent hash H_p");
    }

    @Test
    void missingPathsAndUndecodableFilesAreClearErrors() throws Exception {
        FakeImporter fake = faithfulFake();
        assertEquals(2, run(fake, tmp.resolve("nothing-here")));
        assertTrue(err().contains("nothing-here: no such file or folder"), err());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        errBytes.reset();
        assertEquals(2, run(fake, empty));
        assertTrue(err().contains("no trace files"), err());

        byte[] whole = Files.readAllBytes(traces.resolve("00000002.bin"));
        Files.write(traces.resolve("00000002.bin"), Arrays.copyOf(whole, 1000));
        errBytes.reset();
        outBytes.reset();
        assertEquals(2, run(fake, traces));
        assertTrue(err().contains(traces.resolve("00000002.bin") + ": not a TraceStep (tiny chain): "), err());
        assertTrue(err().contains("offset"), err());
        assertTrue(out().strip().endsWith("1 passed, 0 failed"), out());

        Path badJson = tmp.resolve("bad.json");
        Files.writeString(badJson, "{\"pre_state\": {\"state_root\": ");
        errBytes.reset();
        assertEquals(2, run(fake, badJson));
        assertTrue(err().contains("bad.json: invalid JSON at pre_state.state_root (line 1, column "), err());

        Path txt = Files.writeString(tmp.resolve("notes.txt"), "x");
        errBytes.reset();
        assertEquals(2, run(fake, txt));
        assertTrue(err().contains("not a trace file"), err());
    }

    @Test
    void anImporterThatThrowsFailsTheStepNotTheRun() throws Exception {
        FakeImporter fake = faithfulFake();
        fake.breakdown = new IllegalStateException("disk on fire");
        assertEquals(1, run(fake, traces));
        assertTrue(out().contains("genesis.bin: the importer cannot start from this genesis: java.lang.IllegalStateException: disk on fire"), out());
        assertTrue(out().contains("00000001.bin: the importer failed: java.lang.IllegalStateException: disk on fire"), out());
        assertTrue(out().strip().endsWith("0 passed, 6 failed"), out());
    }

    @Test
    void timingsUseNearestRankPercentiles() {
        ImportTimings t = new ImportTimings();
        for (int i = 1; i <= 200; i++) {
            t.add(i * 1_000_000L);
        }
        assertEquals(100_000_000L, t.quantile(0.5));
        assertEquals(180_000_000L, t.quantile(0.9));
        assertEquals(198_000_000L, t.quantile(0.99));
        assertEquals(200_000_000L, t.quantile(1.0));
        assertEquals(100.5e6, t.meanNanos(), 1e-3);
        assertEquals("import time per block (200 blocks): mean 100.50 ms, p50 100.00 ms, p90 180.00 ms, p99 198.00 ms, max 200.00 ms",
                t.summary());
    }

    @Test
    void shortHexKeepsHeadAndTail() {
        assertEquals("0x0102 (2 bytes)", StateDiff.shortHex(new byte[] {1, 2}));
        byte[] v = new byte[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) i;
        }
        assertEquals("0x0001020304050607…10111213 (20 bytes)", StateDiff.shortHex(v));
        assertEquals("absent", StateDiff.shortHex(null));
    }

    private static byte[] encode(TraceStep s) {
        Encoder e = new Encoder();
        encode(e, s.preState());
        s.block().encode(e, TINY);
        encode(e, s.postState());
        return e.toByteArray();
    }

    private static void encode(Encoder e, RawState s) {
        s.stateRoot().encode(e);
        e.length(s.keyvals().size());
        for (KeyValue kv : s.keyvals()) {
            e.bytes(kv.key().bytes());
            e.blob(kv.value());
        }
    }

    static Hash hashOf(TraceStep s) {
        return s.block().header().hash(TINY);
    }
}
