package io.jamboree.merkle;

import static io.jamboree.merkle.TestBytes.bytes;
import static io.jamboree.merkle.TestBytes.cat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.hash.Blake2b256;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GP D.1 eq. D.1, octet layouts written out by hand. */
class StateKeyTest {

    private static final long S = 0x04030201L; // E_4(s) = [1, 2, 3, 4]

    @Test
    void componentKey() {
        byte[] expected = new byte[31];
        expected[0] = 7;
        assertArrayEquals(expected, StateKey.of(7).bytes());
        assertThrows(IllegalArgumentException.class, () -> StateKey.of(256));
    }

    @Test
    void componentServiceKey() {
        byte[] expected = new byte[31];
        System.arraycopy(bytes(255, 1, 0, 2, 0, 3, 0, 4, 0), 0, expected, 0, 9);
        assertArrayEquals(expected, StateKey.of(255, S).bytes());
        assertEquals(StateKey.of(255, S), StateKey.serviceAccount(S));
        assertThrows(IllegalArgumentException.class, () -> StateKey.of(255, 1L << 32));
    }

    @Test
    void serviceDataKeyInterleavesServiceAndHash() {
        byte[] h = TestBytes.ascii("some storage key material");
        byte[] a = Blake2b256.hash(h);
        byte[] expected = cat(bytes(1, a[0], 2, a[1], 3, a[2], 4, a[3]), Arrays.copyOfRange(a, 4, 27));
        assertEquals(31, expected.length);
        assertArrayEquals(expected, StateKey.of(S, h).bytes());
        assertArrayEquals(expected, StateKey.ofHashed(S, a).bytes());
    }

    @Test
    void storagePreimageAndRequestPrefixes() {
        byte[] k = bytes(9, 8, 7);
        byte[] h = TestBytes.h32(0x40);
        assertEquals(StateKey.of(S, cat(bytes(0xff, 0xff, 0xff, 0xff), k)), StateKey.storage(S, k));
        assertEquals(StateKey.of(S, cat(bytes(0xfe, 0xff, 0xff, 0xff), h)), StateKey.preimage(S, h));
        assertEquals(StateKey.of(S, cat(bytes(0x0d, 0x0c, 0x0b, 0x0a), h)), StateKey.request(S, h, 0x0A0B0C0DL));
    }

    @Test
    void valueSemantics() {
        byte[] raw = new byte[31];
        raw[0] = (byte) 0x80;
        StateKey high = StateKey.ofBytes(raw);
        raw[0] = 0x7f;
        StateKey low = StateKey.ofBytes(raw);
        assertNotEquals(high, low); // the first key copied its input
        assertTrue(low.compareTo(high) < 0, "unsigned order");
        assertEquals(StateKey.ofBytes(raw), low);
        assertEquals(StateKey.ofBytes(raw).hashCode(), low.hashCode());
        low.bytes()[0] = 0;
        assertEquals(0x7f, low.bytes()[0]);
        assertEquals(low, StateKey.ofHex("0x7f" + "00".repeat(30)));
        assertThrows(IllegalArgumentException.class, () -> StateKey.ofBytes(new byte[32]));
    }
}
