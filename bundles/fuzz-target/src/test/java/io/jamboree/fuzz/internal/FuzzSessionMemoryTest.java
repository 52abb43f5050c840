package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzExamples.Recorded;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.Semver;
import io.jamboree.importer.BlockImporter;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory over many sessions: the server keeps no reference to any importer (nor its memory
 * store) once the session that made it has ended or re-initialized, so the garbage collector can
 * reclaim every one of them.
 */
class FuzzSessionMemoryTest {
    private static final ChainParams TINY = ChainParams.tiny();

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("try") // the server is closed early on purpose, to end its thread before joining it
    void importersAreReclaimableAfterTheirSessions() throws Exception {
        List<WeakReference<BlockImporter>> made = new CopyOnWriteArrayList<>();
        ImporterFactory real = FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        ImporterFactory tracking = p -> {
            BlockImporter imp = real.create(p);
            made.add(new WeakReference<>(imp));
            return imp;
        };
        List<Recorded[]> steps = FuzzExamples.exchanges("no_forks").subList(0, 12);
        int sessions = 5;
        try (FuzzTargetServer server = FuzzTargetServer.bind(tmp.resolve("m.sock"), TINY, tracking,
                FuzzTargetCommand.peerInfo(new Semver(0, 1, 0)), 64 << 20)) {
            Thread serving = Thread.ofPlatform().name("fuzz-memory").start(() -> {
                try {
                    server.serve();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            for (int s = 0; s < sessions; s++) {
                try (FuzzClient c = new FuzzClient(server.socket())) {
                    for (Recorded[] x : steps) {
                        byte[] reply = c.exchange(x[0].bytes());
                        if (x[0].kind().equals("initialize")) {
                            // initialize twice: the first importer must be dropped at once
                            reply = c.exchange(x[0].bytes());
                        }
                        FuzzMessage m = FuzzCodec.decode(reply, TINY);
                        assertEquals(FuzzCodec.decode(x[1].bytes(), TINY).getClass(), m.getClass());
                    }
                }
            }
            // the last session ends when the server reads end of stream; wait for it by opening one more
            try (FuzzClient c = new FuzzClient(server.socket())) {
                assertInstanceOf(FuzzMessage.PeerInfo.class, FuzzCodec.decode(c.exchange(FuzzExamples.exchanges("no_forks").get(0)[0].bytes()), TINY));
            }
            server.close();
            serving.join(10_000);
        }
        assertEquals(2 * sessions, made.size());
        for (int i = 0; i < 20 && made.stream().anyMatch(w -> w.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        long alive = made.stream().filter(w -> w.get() != null).count();
        assertTrue(alive == 0, alive + " of " + made.size() + " importers still reachable after their sessions");
    }
}
