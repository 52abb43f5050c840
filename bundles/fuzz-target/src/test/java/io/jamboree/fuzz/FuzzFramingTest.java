package io.jamboree.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 4-byte little-endian length framing. */
class FuzzFramingTest {
    private static byte[] frame(byte[] message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FuzzFraming.write(Channels.newChannel(out), message);
        return out.toByteArray();
    }

    private static byte[] read(byte[] wire, int max) throws IOException {
        return FuzzFraming.read(Channels.newChannel(new ByteArrayInputStream(wire)), max);
    }

    @Test
    void prefixIsLittleEndianLength() throws IOException {
        byte[] f = frame(new byte[] {2, 9});
        assertArrayEquals(new byte[] {2, 0, 0, 0, 2, 9}, f);
        assertArrayEquals(new byte[] {2, 9}, read(f, 16));
    }

    @Test
    void largeFramesArriveWhole() throws IOException {
        byte[] big = new byte[(5 << 20) + 123];
        new Random(7).nextBytes(big);
        assertArrayEquals(big, read(frame(big), 8 << 20));
    }

    @Test
    void endOfStreamBetweenFramesIsNotAnError() throws IOException {
        assertNull(read(new byte[0], 16));
    }

    @Test
    void truncationEmptyAndOversizedFramesAreErrors() throws IOException {
        byte[] big = frame(new byte[3 << 20]);
        var cut = assertThrows(FuzzProtocolException.class, () -> read(Arrays.copyOf(big, big.length - 1), 4 << 20));
        assertTrue(cut.getMessage().contains("got " + ((3 << 20) - 1) + " of " + (3 << 20)), cut.getMessage());
        assertThrows(FuzzProtocolException.class, () -> read(new byte[] {1, 0}, 16));
        var empty = assertThrows(FuzzProtocolException.class, () -> read(new byte[] {0, 0, 0, 0}, 16));
        assertTrue(empty.getMessage().contains("empty frame"));
        var over = assertThrows(FuzzProtocolException.class, () -> read(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 1 << 20));
        assertTrue(over.getMessage().contains("4294967295 bytes exceeds the limit"), over.getMessage());
    }
}
