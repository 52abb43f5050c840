package io.jamboree.shuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.core.hash.Blake2b256;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GP Appendix F, eq. F.1–F.3, checked against hand evaluation and a literal transcription of the recursion. */
class ShuffleTest {

    @Test
    void handEvaluatedNumericShuffle() {
        // r_0 = 5: 5 mod 3 = 2 → c, s' = [a, b]; 7 mod 2 = 1 → b; then a
        assertArrayEquals(new int[] {30, 20, 10}, Shuffle.shuffle(new int[] {10, 20, 30}, new long[] {5, 7, 9}));
        // 1 mod 4 → 20, s' = [10, 40, 30]; 1 mod 3 → 40, s' = [10, 30]; 1 mod 2 → 30; then 10
        assertArrayEquals(new int[] {20, 40, 30, 10},
                Shuffle.shuffle(new int[] {10, 20, 30, 40}, new long[] {1, 1, 1, 1}));
        // 2^32 − 1 = 4294967295 ≡ 0 (mod 5) → first element
        assertEquals(1, Shuffle.shuffle(new int[] {1, 2, 3, 4, 5}, new long[] {0xFFFF_FFFFL, 0, 0, 0, 0})[0]);
        assertArrayEquals(new int[0], Shuffle.shuffle(new int[0], new long[0]));
    }

    @Test
    void matchesLiteralRecursion() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            int l = rnd.nextInt(40);
            int[] s = new int[l];
            long[] r = new long[l];
            for (int i = 0; i < l; i++) {
                s[i] = rnd.nextInt();
                r[i] = rnd.nextInt() & 0xFFFF_FFFFL;
            }
            List<Integer> seq = new ArrayList<>();
            for (int x : s) {
                seq.add(x);
            }
            List<Long> rs = new ArrayList<>();
            for (long x : r) {
                rs.add(x);
            }
            List<Integer> expected = literal(seq, rs);
            int[] actual = Shuffle.shuffle(s, r);
            for (int i = 0; i < l; i++) {
                assertEquals(expected.get(i), actual[i]);
            }
        }
    }

    /** F(s, r) transcribed from eq. F.1 without optimisation. */
    private static List<Integer> literal(List<Integer> s, List<Long> r) {
        if (s.isEmpty()) {
            return new ArrayList<>();
        }
        int l = s.size();
        int k = (int) (r.get(0) % l);
        List<Integer> out = new ArrayList<>();
        out.add(s.get(k));
        List<Integer> sPrime = new ArrayList<>(s);
        sPrime.set(k, s.get(l - 1));
        out.addAll(literal(sPrime.subList(0, l - 1), r.subList(1, r.size())));
        return out;
    }

    @Test
    void sequenceFromHash() {
        byte[] h = new byte[32];
        for (int i = 0; i < 32; i++) {
            h[i] = (byte) (3 * i);
        }
        long[] q = Shuffle.sequenceFromHash(h, 10);
        byte[] pre = new byte[36];
        System.arraycopy(h, 0, pre, 0, 32);
        byte[] block0 = Blake2b256.hash(pre); // E_4(0)
        pre[32] = 1;
        byte[] block1 = Blake2b256.hash(pre); // E_4(1)
        assertEquals(le32(block0, 0), q[0]);
        assertEquals(le32(block0, 28), q[7]);
        assertEquals(le32(block1, 0), q[8]);
        assertEquals(le32(block1, 4), q[9]);
        assertThrows(IllegalArgumentException.class, () -> Shuffle.sequenceFromHash(new byte[31], 1));
    }

    private static long le32(byte[] b, int o) {
        return (b[o] & 0xFFL) + 256L * (b[o + 1] & 0xFF) + 65536L * (b[o + 2] & 0xFF)
                + 16777216L * (b[o + 3] & 0xFF);
    }

    @Test
    void listAndIndexFormsAgree() {
        byte[] h = Blake2b256.hash(new byte[] {1});
        int[] idx = Shuffle.shuffledIndices(17, h);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            names.add("v" + i);
        }
        List<String> shuffled = Shuffle.shuffle(names, h);
        for (int i = 0; i < 17; i++) {
            assertEquals("v" + idx[i], shuffled.get(i));
        }
    }
}
