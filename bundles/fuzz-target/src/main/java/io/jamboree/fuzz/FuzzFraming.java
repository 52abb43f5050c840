package io.jamboree.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The wire framing of fuzz-proto v1: every encoded message is prefixed with its length as a 32-bit
 * little-endian integer. Frames larger than a limit are refused before anything is allocated.
 */
public final class FuzzFraming {
    /** Default limit: 256 MiB, well above a full-chain state with many 4 MB service codes. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 << 20;

    private static final int INITIAL_CHUNK = 1 << 20;

    private FuzzFraming() {}

    /**
     * Reads one frame.
     *
     * @return the message bytes, or null when the peer closed the connection between frames
     * @throws FuzzProtocolException on end of stream inside a frame, an empty frame or one above {@code maxBytes}
     */
    public static byte[] read(ReadableByteChannel in, int maxBytes) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        if (!fill(in, prefix)) {
            if (prefix.position() == 0) {
                return null;
            }
            throw new FuzzProtocolException("connection closed inside a length prefix (" + prefix.position() + " of 4 bytes)");
        }
        long length = prefix.flip().getInt() & 0xFFFF_FFFFL;
        if (length == 0) {
            throw new FuzzProtocolException("empty frame (length 0)");
        }
        if (length > maxBytes) {
            throw new FuzzProtocolException("frame of " + length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        // Grow the buffer as bytes arrive: a prefix alone never makes the target allocate the whole limit.
        int n = (int) length;
        ByteBuffer body = ByteBuffer.allocate(Math.min(n, INITIAL_CHUNK));
        while (true) {
            if (!fill(in, body)) {
                throw new FuzzProtocolException("connection closed inside a frame: got " + body.position() + " of " + n + " bytes");
            }
            if (body.capacity() == n) {
                return body.array();
            }
            ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(n, 2L * body.capacity()));
            body.flip();
            bigger.put(body);
            body = bigger;
        }
    }

    /** Writes one frame: the length prefix, then {@code message}. */
    public static void write(WritableByteChannel out, byte[] message) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(message.length).flip();
        ByteBuffer[] parts = {prefix, ByteBuffer.wrap(message)};
        for (ByteBuffer b : parts) {
            while (b.hasRemaining()) {
                out.write(b);
            }
        }
    }

    private static boolean fill(ReadableByteChannel in, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                return false;
            }
        }
        return true;
    }
}
