package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzFraming;
import io.jamboree.fuzz.FuzzMessage;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A minimal fuzzer side for tests: sends framed requests, reads framed replies. */
final class FuzzClient implements AutoCloseable {
    private final SocketChannel ch;

    FuzzClient(Path socket) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
    }

    /** Sends raw message bytes and returns the raw reply, or null if the target closed the connection. */
    byte[] exchange(byte[] request) throws IOException {
        FuzzFraming.write(ch, request);
        return FuzzFraming.read(ch, FuzzFraming.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Reads one framed reply, or null if the target closed the connection. */
    byte[] readFrame() throws IOException {
        return FuzzFraming.read(ch, FuzzFraming.DEFAULT_MAX_MESSAGE_BYTES);
    }

    FuzzMessage exchange(FuzzMessage request, ChainParams p) throws IOException {
        byte[] reply = exchange(FuzzCodec.encode(request, p));
        return reply == null ? null : FuzzCodec.decode(reply, p);
    }

    void sendRaw(byte[] raw) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(raw);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** True once the target has closed the connection (reads end of stream). */
    boolean closedByTarget() throws IOException {
        return ch.read(ByteBuffer.allocate(1)) < 0;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
