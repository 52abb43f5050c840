package io.jamboree.fuzz.internal.replay;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.Semver;
import io.jamboree.fuzz.internal.FuzzTargetServer;
import io.jamboree.fuzz.internal.FuzzImporters;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The replay client ({@link TraceReplayer}) against our fuzz target ({@link FuzzTargetServer}, real importer,
 * interpreter accumulation) in-process over a Unix socket in a temp folder. The expected state roots are the
 * public traces' own (jam-test-vectors-0.7.2/traces): the client checks each reply against the step's
 * post_state root; the counts asserted here are the number of step files in each folder.
 */
class FuzzReplayClientTest {
    private static final ChainParams TINY = ChainParams.tiny();
    private static final PeerInfo TARGET = new PeerInfo(1, 3, new Semver(0, 7, 2), new Semver(0, 1, 0), "jamboree");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    static Path trace(String name) {
        return VectorsFolder.require("jam-test-vectors-0.7.2/traces/" + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fallback", "safrole", "storage", "preimages", "storage_light", "preimages_light"})
    void publicTracePassesEveryStep(String folder) throws Exception {
        Path dir = trace(folder);
        int steps = stepFiles(dir).size();
        assertTrue(steps >= 100, folder + " has " + steps + " steps");
        TraceReplayer r;
        int code;
        try (Served t = serve()) {
            r = replayer(t.socket, false, Duration.ofSeconds(120));
            code = r.run(List.of(dir));
        }
        String out = out();
        System.out.print(out);
        assertEquals(0, code, out + err());
        TraceReplayer.FolderResult res = r.results().get(0);
        assertEquals(steps, res.passed(), out);
        assertEquals(0, res.failed(), out);
        assertEquals(steps, res.times().count());
        assertTrue(out.contains("target: jamboree 0.1.0 (JAM 0.7.2, fuzz-proto v1, session features forks)"), out);
        assertTrue(out.strip().endsWith(steps + " passed, 0 failed"), out);
    }

    @Test
    void corruptedPostStateRootIsReportedAndTheNextStepsStillChecked() throws Exception {
        Path dir = copy("fallback", 5);
        Path step3 = dir.resolve("00000003.bin");
        byte[] b = Files.readAllBytes(step3);
        b[postRootOffset(b)] ^= 0x01; // the trace now claims another posterior root for step 3
        Files.write(step3, b);
        int code;
        try (Served t = serve()) {
            code = replayer(t.socket, false, Duration.ofSeconds(60)).run(List.of(dir));
        }
        String out = out();
        System.out.print(out);
        assertEquals(1, code, out);
        assertTrue(out.contains("FAIL 00000003.bin"), out);
        assertTrue(out.contains("the target's key/values equal the trace's post_state"), out);
        // steps 4 and 5 are judged on their own: the target is re-initialized from step 4's pre_state
        assertTrue(out.strip().endsWith("4 passed, 1 failed"), out);
    }

    @Test
    void stopOnFailStopsAtTheFirstFailure() throws Exception {
        Path dir = copy("fallback", 5);
        Path step2 = dir.resolve("00000002.bin");
        byte[] b = Files.readAllBytes(step2);
        b[postRootOffset(b) + 31] ^= 0x80;
        Files.write(step2, b);
        int code;
        try (Served t = serve()) {
            code = replayer(t.socket, true, Duration.ofSeconds(60)).run(List.of(dir, trace("safrole")));
        }
        String out = out();
        assertEquals(1, code, out);
        assertTrue(out.contains("1 passed, 1 failed, 3 not replayed"), out);
        assertTrue(out.contains("safrole: not replayed (--stop-on-fail)"), out);
    }

    @Test
    void aBlockTheTraceRejectsButTheTargetImportsFails() throws Exception {
        Path dir = copy("fallback", 3);
        // step 2 rewritten with post_state = pre_state: the trace now says its (valid) block must be rejected
        Path step2 = dir.resolve("00000002.bin");
        byte[] b = Files.readAllBytes(step2);
        int post = postRootOffset(b);
        int preEnd = preStateEnd(b);
        byte[] rewritten = new byte[post + preEnd];
        System.arraycopy(b, 0, rewritten, 0, post);
        System.arraycopy(b, 0, rewritten, post, preEnd);
        Files.write(step2, rewritten);
        int code;
        try (Served t = serve()) {
            code = replayer(t.socket, false, Duration.ofSeconds(60)).run(List.of(dir));
        }
        String out = out();
        System.out.print(out);
        assertEquals(1, code, out);
        assertTrue(out.contains("FAIL 00000002.bin") && out.contains("but the trace rejects this block"), out);
        assertTrue(out.contains("[tau (C11 timeslot)]: expected"), "the diff names the timeslot key: " + out);
        assertTrue(out.strip().endsWith("2 passed, 1 failed"), out);
    }

    @Test
    void folderWithoutGenesisStartsFromItsFirstStep() throws Exception {
        Path src = trace("storage");
        Path dir = Files.createDirectory(tmp.resolve("mid"));
        for (int i = 41; i <= 50; i++) {
            String n = String.format("%08d.bin", i);
            Files.copy(src.resolve(n), dir.resolve(n));
        }
        int code;
        try (Served t = serve()) {
            code = replayer(t.socket, false, Duration.ofSeconds(60)).run(List.of(dir));
        }
        String out = out();
        System.out.print(out);
        assertEquals(0, code, out);
        assertTrue(out.contains("00000041.bin: not replayed: the header of its parent"), out);
        assertTrue(out.strip().endsWith("9 passed, 0 failed, 1 not replayed"), out);
    }

    @Test
    void noSocketIsAClearError() {
        int code = replayer(tmp.resolve("none.sock"), false, Duration.ofSeconds(5)).run(List.of(trace("fallback")));
        assertEquals(TraceReplayer.NO_TARGET, code);
        assertTrue(err().contains("no fuzz target socket at"), err());
    }

    @Test
    void missingTraceFolderIsAClearError() {
        int code = replayer(tmp.resolve("none.sock"), false, Duration.ofSeconds(5)).run(List.of(tmp.resolve("nothing")));
        assertEquals(TraceReplayer.BAD_INPUT, code);
        assertTrue(err().contains("nothing: no such folder"), err());
    }

    @Test
    void targetThatClosesTheConnectionFailsTheStep() throws Exception {
        try (FakeTarget t = FakeTarget.start(tmp.resolve("f.sock"), FakeTarget.Behaviour.CLOSE_AFTER_HANDSHAKE)) {
            int code = replayer(t.socket(), false, Duration.ofSeconds(10)).run(List.of(copy("fallback", 2)));
            assertEquals(1, code, out());
            assertTrue(out().contains("the target closed the connection"), out());
            assertTrue(out().contains("FAIL genesis.bin (initialize): the target closed the connection"), out());
            assertTrue(out().contains("0 passed, 1 failed, 2 not replayed"), out());
        }
    }

    @Test
    void silentTargetTimesOut() throws Exception {
        try (FakeTarget t = FakeTarget.start(tmp.resolve("s.sock"), FakeTarget.Behaviour.SILENT)) {
            long t0 = System.nanoTime();
            int code = replayer(t.socket(), false, Duration.ofMillis(300)).run(List.of(copy("fallback", 2)));
            assertEquals(TraceReplayer.NO_TARGET, code, out() + err());
            assertTrue(err().contains("no complete reply to peer-info within the timeout of 0.3 s"), err());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "gave up promptly");
        }
    }

    @Test
    void silentImportTimesOut() throws Exception {
        try (FakeTarget t = FakeTarget.start(tmp.resolve("i.sock"), FakeTarget.Behaviour.SILENT_AFTER_HANDSHAKE)) {
            int code = replayer(t.socket(), false, Duration.ofMillis(300)).run(List.of(copy("fallback", 2)));
            assertEquals(1, code, out());
            assertTrue(out().contains("no complete reply to initialize within the timeout of 0.3 s"), out());
        }
    }

    @Test
    void malformedReplyIsAClearError() throws Exception {
        try (FakeTarget t = FakeTarget.start(tmp.resolve("m.sock"), FakeTarget.Behaviour.GARBAGE_AFTER_HANDSHAKE)) {
            int code = replayer(t.socket(), false, Duration.ofSeconds(10)).run(List.of(copy("fallback", 2)));
            assertEquals(1, code, out());
            assertTrue(out().contains("malformed reply to initialize: unknown message discriminant 66"), out());
        }
    }

    // ------------------------------------------------------------------ helpers

    private TraceReplayer replayer(Path socket, boolean stopOnFail, Duration timeout) {
        TraceReplayer.Options o = new TraceReplayer.Options(socket, TINY, timeout, stopOnFail, 10, false,
                FuzzReplayCommand.peerInfo(new Semver(0, 1, 0)));
        return new TraceReplayer(o, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** genesis.bin and the first {@code steps} steps of a public trace, copied into a temp folder. */
    private Path copy(String name, int steps) throws IOException {
        Path src = trace(name);
        Path dir = Files.createDirectories(tmp.resolve(name + "-" + steps));
        Files.copy(src.resolve("genesis.bin"), dir.resolve("genesis.bin"));
        for (int i = 1; i <= steps; i++) {
            String n = String.format("%08d.bin", i);
            Files.copy(src.resolve(n), dir.resolve(n));
        }
        return dir;
    }

    private static List<Path> stepFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches("\\d{8}\\.bin")).toList();
        }
    }

    /** The offset of a TraceStep's post_state root: after the pre_state and the block. */
    private static int postRootOffset(byte[] step) {
        Decoder d = new Decoder(step);
        skipRawState(d);
        Block.decode(d, TINY);
        return d.position();
    }

    /** The length of a TraceStep's pre_state encoding. */
    private static int preStateEnd(byte[] step) {
        Decoder d = new Decoder(Arrays.copyOf(step, step.length));
        skipRawState(d);
        return d.position();
    }

    private static void skipRawState(Decoder d) {
        Hash.decode(d);
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        for (int i = 0; i < n; i++) {
            d.bytes(StateKey.LENGTH, "key");
            d.blob("value");
        }
    }

    private Served serve() throws IOException {
        return new Served(tmp.resolve("t" + System.nanoTime() % 100000 + ".sock"));
    }

    /** Our target, serving on its own thread until closed. */
    private static final class Served implements AutoCloseable {
        final Path socket;
        final FuzzTargetServer server;
        final Thread thread;

        Served(Path socket) throws IOException {
            this.socket = socket;
            server = FuzzTargetServer.bind(socket, TINY, FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine())),
                    TARGET, 64 << 20);
            thread = Thread.ofPlatform().name("replay-test-target").start(() -> {
                try {
                    server.serve();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }
}
