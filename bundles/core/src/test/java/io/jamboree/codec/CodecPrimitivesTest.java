package io.jamboree.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.types.Header;
import io.jamboree.types.WorkExecResult;
import org.junit.jupiter.api.Test;

/** GP Appendix C primitives; expected octets are worked out by hand from the Graypaper's definitions. */
class CodecPrimitivesTest {

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static byte[] nat(long v) {
        return new Encoder().natural(v).toByteArray();
    }

    private static long readNat(byte[] in) {
        Decoder d = new Decoder(in);
        long v = d.natural();
        d.expectEnd();
        return v;
    }

    @Test
    void naturalEdgeCases() {
        // eq. C.1: x = 0 -> [0]; 2^(7l) <= x < 2^(7(l+1)) -> [2^8 - 2^(8-l) + floor(x / 2^(8l))] ++ E_l(x mod 2^(8l))
        assertArrayEquals(b(0), nat(0));
        assertArrayEquals(b(1), nat(1));
        assertArrayEquals(b(0x7F), nat(127));
        assertArrayEquals(b(0x80, 0x80), nat(128));
        assertArrayEquals(b(0xBF, 0xFF), nat((1 << 14) - 1));
        assertArrayEquals(b(0xC0, 0x00, 0x40), nat(1 << 14));
        assertArrayEquals(b(0xDF, 0xFF, 0xFF), nat((1 << 21) - 1));
        assertArrayEquals(b(0xE0, 0x00, 0x00, 0x20), nat(1 << 21));
        assertArrayEquals(b(0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), nat((1L << 56) - 1));
        assertArrayEquals(b(0xFF, 0, 0, 0, 0, 0, 0, 0, 0x01), nat(1L << 56));
        assertArrayEquals(b(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), nat(-1L)); // 2^64 - 1
        assertArrayEquals(b(0xFF, 0, 0, 0, 0, 0, 0, 0, 0x80), nat(Long.MIN_VALUE)); // 2^63
    }

    @Test
    void naturalRoundTripsAroundEveryBoundary() {
        for (int l = 0; l <= 9; l++) {
            long edge = l == 9 ? Long.MIN_VALUE : 1L << (7 * l);
            for (long v : new long[] {edge - 1, edge, edge + 1}) {
                assertEquals(v, readNat(nat(v)), "value " + Long.toUnsignedString(v));
            }
        }
        assertEquals(-1L, readNat(nat(-1L)));
    }

    @Test
    void nonCanonicalNaturalIsRejected() {
        assertThrows(CodecException.class, () -> readNat(b(0x80, 0x05)));            // 5 in two octets
        assertThrows(CodecException.class, () -> readNat(b(0xC0, 0x00, 0x01)));      // 256 in three octets
        assertThrows(CodecException.class, () -> readNat(b(0xFF, 1, 0, 0, 0, 0, 0, 0, 0))); // 1 in nine octets
    }

    @Test
    void truncatedInputThrowsCodecException() {
        assertThrows(CodecException.class, () -> readNat(b()));
        assertThrows(CodecException.class, () -> readNat(b(0xC0, 0x00)));
        assertThrows(CodecException.class, () -> new Decoder(b(1, 2, 3)).u32());
        assertThrows(CodecException.class, () -> new Decoder(b(1, 2, 3, 4, 5, 6, 7)).u64());
        assertThrows(CodecException.class, () -> new Decoder(b(1)).u16());
        assertThrows(CodecException.class, () -> new Decoder(b(3, 1, 2)).blob("blob"));
        assertThrows(CodecException.class, () -> new Decoder(b(1, 2)).bytes(3, "hash"));
        CodecException e = assertThrows(CodecException.class,
                () -> Header.decode(new Decoder(new byte[100]), ChainParams.tiny()));
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }

    @Test
    void oversizedLengthsAreRejectedBeforeAllocating() {
        // claims 2^32 elements with 1 byte following
        CodecException e = assertThrows(CodecException.class,
                () -> new Decoder(b(0xF1, 0, 0, 0, 0, 0x00)).varSeq(1, "items", Decoder::u8));
        assertTrue(e.getMessage().contains("items"), e.getMessage());
        assertThrows(CodecException.class, () -> new Decoder(b(2, 1, 1)).varSeq(1, 1, "bounded", Decoder::u8));
    }

    @Test
    void badDiscriminatorsAndTrailingBytes() {
        assertThrows(CodecException.class, () -> new Decoder(b(2)).presence("x"));
        assertThrows(CodecException.class, () -> new Decoder(b(2)).bool());
        assertThrows(CodecException.class, () -> WorkExecResult.decode(new Decoder(b(7)), ChainParams.tiny()));
        Decoder d = new Decoder(b(1, 2));
        d.u8();
        assertThrows(CodecException.class, d::expectEnd);
    }

    @Test
    void fixedWidthIntegersAreLittleEndian() {
        Encoder e = new Encoder(1).u8(0xAB).u16(0x1234).u32(0xDEADBEEFL).u64(0x0102030405060708L);
        assertArrayEquals(b(0xAB, 0x34, 0x12, 0xEF, 0xBE, 0xAD, 0xDE, 8, 7, 6, 5, 4, 3, 2, 1), e.toByteArray());
        Decoder d = new Decoder(e.toByteArray());
        assertEquals(0xAB, d.u8());
        assertEquals(0x1234, d.u16());
        assertEquals(0xDEADBEEFL, d.u32());
        assertEquals(0x0102030405060708L, d.u64());
        d.expectEnd();
        assertThrows(CodecException.class, () -> new Encoder().u8(256));
        assertThrows(CodecException.class, () -> new Encoder().u16(-1));
        assertThrows(CodecException.class, () -> new Encoder().u32(1L << 32));
    }

    @Test
    void bitSequencesPackLeastSignificantFirst() {
        boolean[] bits = {true, false, true, false, false, false, false, false, true};
        byte[] out = new Encoder().bits(bits).toByteArray();
        assertArrayEquals(b(0x05, 0x01), out);
        boolean[] back = new Decoder(out).bits(9, "bits");
        assertArrayEquals(bits, back);
        assertArrayEquals(b(9, 0x05, 0x01), new Encoder().bitsWithLength(bits).toByteArray());
    }

    @Test
    void optionalsAndBlobs() {
        Encoder e = new Encoder();
        e.optional(null, (x, v) -> x.u8(0));
        e.optional(7, (x, v) -> x.u8(v));
        e.blob(b(0xAA, 0xBB));
        assertArrayEquals(b(0, 1, 7, 2, 0xAA, 0xBB), e.toByteArray());
        Decoder d = new Decoder(e.toByteArray());
        assertFalse(d.presence("a"));
        assertEquals(7, (int) d.optional("b", Decoder::u8));
        assertArrayEquals(b(0xAA, 0xBB), d.blob("c"));
        d.expectEnd();
    }

    @Test
    void growsBeyondInitialCapacity() {
        Encoder e = new Encoder(1);
        for (int i = 0; i < 10_000; i++) {
            e.u32(i);
        }
        assertEquals(40_000, e.size());
        Decoder d = new Decoder(e.toByteArray());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, d.u32());
        }
    }
}
