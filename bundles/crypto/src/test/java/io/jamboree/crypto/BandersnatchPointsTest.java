package io.jamboree.crypto;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

import static io.jamboree.crypto.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Affine helpers checked against the constants printed in the bandersnatch-vrf spec. */
class BandersnatchPointsTest {
    private static BigInteger le(byte[] b, int off) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) be[i] = b[off + 31 - i];
        return new BigInteger(1, be);
    }

    @Test
    void constants() {
        byte[] pad = Bandersnatch.paddingPoint();
        assertEquals(new BigInteger("26287722405578650394504321825321286533153045350760430979437739593351290020913"), le(pad, 0));
        assertEquals(new BigInteger("19058981610000167534379068105702216971787064146691007947119244515951752366738"), le(pad, 32));
        byte[] seed = Bandersnatch.accumulatorSeed();
        assertEquals(new BigInteger("37805570861274048643170021838972902516980894313648523898085159469000338764576"), le(seed, 0));
        byte[] b = Bandersnatch.blindingBase();
        assertEquals(new BigInteger("6150229251051246713677296363717454238956877613358614224171740096471278798312"), le(b, 0));
        // spec §2.1 / §3.1 compressed forms decode to the same coordinates
        assertArrayEquals(b, Bandersnatch.affine(hex("e93da06b869766b158d20b843ec648cc68e0b7ba2f7083acf0f154205d04e23e")));
        assertArrayEquals(pad, Bandersnatch.affine(hex("92ca79e61dd90c1573a8693f199bf6e1e86835cc715cdcf93f5ef222560023aa")));
        byte[] g = Bandersnatch.affine(hex("664197ccb667315e6064e4ee81ad8c3586d5dcba508b7d150f3e12da9e666c2a"));
        assertEquals(new BigInteger("18886178867200960497001835917649091219057080094937609519140440539760939937304"), le(g, 0));
        assertEquals(new BigInteger("19188667384257783945677642223292697773471335439753913231509108946878080696678"), le(g, 32));
        // 2^i B: row 1 is B + B
        byte[][] pw = Bandersnatch.blindingBasePowersOfTwo();
        assertEquals(253, pw.length);
        assertArrayEquals(b, pw[0]);
        assertArrayEquals(Bandersnatch.addAffine(b, b), pw[1]);
        assertNotNull(Bandersnatch.addAffine(seed, b));
        byte[] offCurve = b.clone();
        offCurve[0] ^= 1;
        assertNull(Bandersnatch.addAffine(offCurve, b));
        assertNull(Bandersnatch.affine(new byte[32]));
    }
}
