package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.Semver;
import java.io.IOException;
import java.nio.file.Path;

/** A {@link FuzzTargetServer} bound on a test socket and serving on its own thread until closed. */
final class ServedTarget implements AutoCloseable {
    final FuzzTargetServer server;
    private final Thread serving;

    ServedTarget(Path socket, ChainParams params, ImporterFactory importers) throws IOException {
        server = FuzzTargetServer.bind(socket, params, importers, FuzzTargetCommand.peerInfo(new Semver(0, 1, 0)), 64 << 20);
        serving = Thread.ofPlatform().name("fuzz-test-" + socket.getFileName()).start(() -> {
            try {
                server.serve();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    FuzzClient connect() throws IOException {
        return new FuzzClient(server.socket());
    }

    @Override
    public void close() throws Exception {
        server.close();
        serving.join(10_000);
        if (serving.isAlive()) {
            throw new AssertionError("server thread still running after close");
        }
    }
}
