package io.jamboree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChainParamsTest {
    @Test
    void ancestryLengthIsLScaledLikeTheExpungePeriod() {
        assertEquals(14_400, ChainParams.full().ancestryLength()); // GP §11.4: L
        assertEquals(24, ChainParams.tiny().ancestryLength());     // fuzz-proto README "Ancestry": tiny A = 24
    }

    @Test
    void oneLPerChainForTheAnchorAgeAndTheAncestry() {
        for (ChainParams p : new ChainParams[] {ChainParams.full(), ChainParams.tiny()}) {
            assertEquals(p.maxLookupAnchorAge(), p.ancestryLength(), p.name());
        }
        assertEquals(14_400, ChainParams.full().maxLookupAnchorAge()); // GP I.4.4
        assertEquals(24, ChainParams.tiny().maxLookupAnchorAge());
    }

    /** The layout of GP B.5 (Ω_Y, ω_10 = 0): 3 × E_8, E_2, 2 × E_4, 4 × E_8, 4 × E_2, E_4, 8 × E_2, 10 × E_4. */
    @Test
    void constantsFollowTheFetchLayout() {
        ChainParams p = ChainParams.full();
        byte[] c = p.encodeConstants();
        assertEquals(3 * 8 + 2 + 2 * 4 + 4 * 8 + 4 * 2 + 4 + 8 * 2 + 10 * 4, c.length);
        assertEquals(10, le(c, 0, 8));    // B_I (GP I.4.4)
        assertEquals(1, le(c, 8, 8));     // B_L
        assertEquals(100, le(c, 16, 8));  // B_S
        assertEquals(341, le(c, 24, 2));  // C
        assertEquals(19_200, le(c, 26, 4)); // D
        assertEquals(600, le(c, 30, 4));  // E
        assertEquals(14_400, le(c, 74, 4)); // L
        assertEquals(1023, le(c, 92, 2));  // V, the last E_2
        assertEquals(p.contestLength(), le(c, 130, 4)); // Y, the last E_4
    }

    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}
