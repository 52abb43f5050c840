package io.jamboree.crypto.internal;

import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Legendre-symbol subgroup test agrees with the definition r * P = O on random curve points. */
class SubgroupCheckTest {
    @Test
    void fastCheckAgreesWithOrderCheck() {
        Random rnd = new Random(1234);
        int in = 0, out = 0;
        byte[] enc = new byte[32];
        while (in < 40 || out < 40) {
            rnd.nextBytes(enc);
            enc[31] &= (byte) 0x3f;                        // below p, random sign bit cleared below
            if (rnd.nextBoolean()) enc[31] |= (byte) 0x80;
            EdPoint p = BandersnatchCurve.decodeUnchecked(enc, 0);
            if (p == null) continue;
            boolean slow = BandersnatchCurve.inSubgroup(p);
            assertEquals(slow, BandersnatchCurve.inSubgroupAffine(p.y));
            if (slow) in++; else out++;
        }
        // multiples of 4 of random curve points are always in the subgroup
        for (int i = 0; i < 20; i++) {
            rnd.nextBytes(enc);
            enc[31] &= (byte) 0x3f;
            EdPoint p = BandersnatchCurve.decodeUnchecked(enc, 0);
            if (p == null) continue;
            EdPoint q = BandersnatchCurve.CURVE.dbl(BandersnatchCurve.CURVE.dbl(p));
            long[] x = new long[4], y = new long[4];
            BandersnatchCurve.CURVE.toAffine(q, x, y);
            assertTrue(BandersnatchCurve.inSubgroupAffine(y));
        }
    }
}
