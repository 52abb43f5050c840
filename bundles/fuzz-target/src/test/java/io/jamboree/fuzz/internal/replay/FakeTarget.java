package io.jamboree.fuzz.internal.replay;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzFraming;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.Semver;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** A misbehaving fuzz target for the client's error paths: one connection, then a scripted failure. */
final class FakeTarget implements AutoCloseable {
    enum Behaviour {
        /** Answers the handshake, then closes the connection on the next request. */
        CLOSE_AFTER_HANDSHAKE,
        /** Reads requests and never answers. */
        SILENT,
        /** Answers the handshake, then reads and never answers. */
        SILENT_AFTER_HANDSHAKE,
        /** Answers the handshake, then a frame with an unknown discriminant (0x42). */
        GARBAGE_AFTER_HANDSHAKE
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;

    private FakeTarget(Path socket, Behaviour b) throws IOException {
        this.socket = socket;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = Thread.ofPlatform().daemon().name("fake-target").start(() -> serve(b));
    }

    static FakeTarget start(Path socket, Behaviour b) throws IOException {
        return new FakeTarget(socket, b);
    }

    Path socket() {
        return socket;
    }

    private void serve(Behaviour b) {
        ChainParams p = ChainParams.tiny();
        try (SocketChannel ch = server.accept()) {
            FuzzFraming.read(ch, FuzzFraming.DEFAULT_MAX_MESSAGE_BYTES);
            if (b == Behaviour.SILENT) {
                Thread.sleep(60_000);
                return;
            }
            FuzzFraming.write(ch, FuzzCodec.encode(new PeerInfo(1, 2, new Semver(0, 7, 2), new Semver(9, 9, 9), "fake"), p));
            FuzzFraming.read(ch, FuzzFraming.DEFAULT_MAX_MESSAGE_BYTES);
            switch (b) {
                case CLOSE_AFTER_HANDSHAKE -> { }
                case SILENT_AFTER_HANDSHAKE -> Thread.sleep(60_000);
                case GARBAGE_AFTER_HANDSHAKE -> FuzzFraming.write(ch, new byte[] {0x42, 1, 2, 3});
                default -> { }
            }
        } catch (IOException | InterruptedException e) {
            // the test ended the connection
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
        Files.deleteIfExists(socket);
    }
}
