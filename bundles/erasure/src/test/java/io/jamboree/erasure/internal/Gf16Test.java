package io.jamboree.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The field and basis of GP Appendix H.2, checked against their definitions in the standard basis. */
class Gf16Test {
    /** Carry-less product in the standard basis modulo x^16 + x^5 + x^3 + x^2 + 1. */
    private static int stdMul(int a, int b) {
        int r = 0;
        for (int i = 0; i < 16; i++) {
            if ((b >> i & 1) != 0) {
                r ^= a << i;
            }
        }
        for (int bit = 30; bit >= 16; bit--) {
            if ((r >> bit & 1) != 0) {
                r ^= Gf16.POLYNOMIAL << (bit - 16);
            }
        }
        return r;
    }

    /** The standard-basis value of a Cantor-basis word. */
    private static int toStd(int word) {
        int v = 0;
        for (int j = 0; j < 16; j++) {
            if ((word >> j & 1) != 0) {
                v ^= Gf16.CANTOR_BASIS[j];
            }
        }
        return v;
    }

    @Test
    void theBasisIsACantorBasis() {
        // v_0 = 1 and v_i^2 + v_i = v_{i-1}
        assertEquals(1, Gf16.CANTOR_BASIS[0]);
        for (int i = 1; i < 16; i++) {
            int v = Gf16.CANTOR_BASIS[i];
            assertEquals(Gf16.CANTOR_BASIS[i - 1], stdMul(v, v) ^ v, "v_" + i);
        }
    }

    @Test
    void multiplicationMatchesTheStandardBasis() {
        java.util.Random r = new java.util.Random(16);
        char[] lo = new char[256];
        char[] hi = new char[256];
        for (int n = 0; n < 2000; n++) {
            int x = r.nextInt(1 << 16);
            int y = 1 + r.nextInt((1 << 16) - 1);
            int expected = stdMul(toStd(x), toStd(y));
            int product = Gf16.mulLog(x, Gf16.LOG[y]);
            assertEquals(expected, toStd(product), x + "·" + y);
            Gf16.mulTables(Gf16.LOG[y], lo, hi);
            assertEquals(product, lo[x & 0xFF] ^ hi[x >>> 8]);
        }
    }

    @Test
    void logAndExpAreInverse() {
        for (int x = 1; x < Gf16.ORDER; x++) {
            assertEquals(x, Gf16.EXP[Gf16.LOG[x]]);
        }
        assertEquals(Gf16.ZERO_LOG, Gf16.LOG[0]);
    }
}
