package io.jamboree.merkle;

import static io.jamboree.merkle.TestBytes.ascii;
import static io.jamboree.merkle.TestBytes.bytes;
import static io.jamboree.merkle.TestBytes.cat;
import static io.jamboree.merkle.TestBytes.h32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.hash.Keccak256;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GP E.2 eq. E.8–E.10, expectations built directly from the definitions. */
class MerkleMountainRangeTest {

    private static final byte[] L1 = h32(1);
    private static final byte[] L2 = h32(2);
    private static final byte[] L3 = h32(3);
    private static final byte[] L4 = h32(4);
    private static final byte[] L5 = h32(5);

    private static byte[] k(byte[]... parts) {
        return Keccak256.hash(cat(parts));
    }

    private static MerkleMountainRange mmr(byte[]... peaks) {
        return new MerkleMountainRange(Arrays.asList(peaks));
    }

    @Test
    void appendCarriesLikeBinaryCounter() {
        MerkleMountainRange r = MerkleMountainRange.empty();
        r = r.appendKeccak(L1);
        assertEquals(mmr(L1), r);
        r = r.appendKeccak(L2);
        byte[] p12 = k(L1, L2); // H(r_0 ⌢ l), no prefix
        assertEquals(mmr(null, p12), r);
        r = r.appendKeccak(L3);
        assertEquals(mmr(L3, p12), r);
        r = r.appendKeccak(L4);
        byte[] p1234 = k(p12, k(L3, L4));
        assertEquals(mmr(null, null, p1234), r);
        r = r.appendKeccak(L5);
        assertEquals(mmr(L5, null, p1234), r);
    }

    @Test
    void appendWithOtherHash() {
        MerkleMountainRange r = mmr(L1).append(L2, HashFunction.BLAKE2B_256);
        assertEquals(mmr(null, Blake2b256.hash(cat(L1, L2))), r);
    }

    @Test
    void superPeak() {
        byte[] peak = ascii("peak");
        assertArrayEquals(new byte[32], MerkleMountainRange.empty().superPeak());
        assertArrayEquals(new byte[32], mmr(null, null).superPeak());
        assertArrayEquals(L2, mmr(null, L2).superPeak());
        assertArrayEquals(k(peak, L1, L3), mmr(L1, null, L3).superPeak());
        assertArrayEquals(k(peak, k(peak, L1, L2), L3), mmr(L1, L2, null, L3).superPeak());
    }

    @Test
    void encoding() {
        assertArrayEquals(bytes(0), MerkleMountainRange.empty().encode());
        assertArrayEquals(cat(bytes(2, 0, 1), L2), mmr(null, L2).encode());
        assertArrayEquals(cat(bytes(3, 1), L1, bytes(0, 1), L3), mmr(L1, null, L3).encode());
        MerkleMountainRange r = mmr(L1, null, L3);
        assertEquals(r, MerkleMountainRange.decode(r.encode()));
        assertThrows(IllegalArgumentException.class, () -> MerkleMountainRange.decode(bytes(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> MerkleMountainRange.decode(bytes(1, 0, 0)));
    }

    @Test
    void naturalEncoding() {
        assertArrayEquals(bytes(0), MerkleMountainRange.encodeNatural(0));
        assertArrayEquals(bytes(0x7f), MerkleMountainRange.encodeNatural(127));
        // l = 1: [2^8 − 2^7 + ⌊x/2^8⌋] ⌢ E_1(x mod 2^8)
        assertArrayEquals(bytes(0x80, 0x80), MerkleMountainRange.encodeNatural(128));
        assertArrayEquals(bytes(0x81, 0x2c), MerkleMountainRange.encodeNatural(300));
        // l = 2: [2^8 − 2^6 + 0] ⌢ E_2(2^14)
        assertArrayEquals(bytes(0xc0, 0x00, 0x40), MerkleMountainRange.encodeNatural(1 << 14));
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
                MerkleMountainRange.encodeNatural(-1L));
        for (long x : new long[] {0, 1, 127, 128, 300, 1 << 14, 1L << 40, Long.MAX_VALUE, -1L}) {
            byte[] e = MerkleMountainRange.encodeNatural(x);
            long[] d = MerkleMountainRange.decodeNatural(e, 0);
            assertEquals(x, d[0], "round trip of " + x);
            assertEquals(e.length, d[1]);
        }
    }

    @Test
    void peaksAreCopied() {
        byte[] p = L1.clone();
        MerkleMountainRange r = mmr(p);
        p[0] = 99;
        assertArrayEquals(L1, r.peak(0));
        r.peaks().get(0)[0] = 99;
        assertArrayEquals(L1, r.peak(0));
        assertEquals(List.of(), MerkleMountainRange.empty().peaks());
    }
}
