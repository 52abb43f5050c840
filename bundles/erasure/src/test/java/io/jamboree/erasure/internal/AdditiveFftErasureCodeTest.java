package io.jamboree.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jamboree.core.ChainParams;
import io.jamboree.erasure.ErasureCode;
import io.jamboree.erasure.ErasureCodingException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips beyond the vectors' sizes, extra shards, and refusals of bad input. */
class AdditiveFftErasureCodeTest {
    private final AdditiveFftErasureCoding coding = new AdditiveFftErasureCoding();

    @Test
    void roundTripsWithMixedSubsetsAndOtherShapes() {
        Random r = new Random(1);
        // {7, 2} and {13, 4} also receive words in the last quarter of the recovery area
        int[][] shapes = {{1023, 342}, {6, 2}, {3, 1}, {16, 5}, {100, 64}, {7, 2}, {13, 4}};
        for (int[] shape : shapes) {
            ErasureCode code = coding.code(shape[0], shape[1]);
            for (int k : new int[] {1, 7, AdditiveFftErasureCode.BITSLICED_MIN_WORDS - 1, 300}) {
                byte[] data = new byte[k * code.pieceSize()];
                r.nextBytes(data);
                byte[][] shards = code.encode(data);
                assertEquals(shape[0], shards.length);
                for (int round = 0; round < 3; round++) {
                    // more than needed, in any order: only the first dataShards() are used
                    int[] subset = ErasureVectorsTest.randomSubset(r, shape[0], Math.min(shape[0], shape[1] + round));
                    assertArrayEquals(data, ErasureVectorsTest.recover(code, shards, subset),
                            shape[0] + "/" + shape[1] + " k=" + k);
                }
            }
        }
    }

    /** Long shards, on bit planes, up to a 4 MiB bundle's (6132 words with full parameters). */
    @Test
    void roundTripsWithLargeShards() {
        Random r = new Random(4);
        for (int[] shape : new int[][] {{1023, 342}, {6, 2}, {13, 4}}) {
            ErasureCode code = coding.code(shape[0], shape[1]);
            for (int k : new int[] {1023, 1024, 1500, 6132}) {
                byte[] data = new byte[k * code.pieceSize()];
                r.nextBytes(data);
                byte[][] shards = code.encode(data);
                for (int round = 0; round < 3; round++) {
                    int[] subset = ErasureVectorsTest.randomSubset(r, shape[0], shape[1] + round);
                    assertArrayEquals(data, ErasureVectorsTest.recover(code, shards, subset),
                            shape[0] + "/" + shape[1] + " k=" + k);
                }
            }
        }
    }

    /**
     * Shards of {@link AdditiveFftErasureCode#BITSLICED_MIN_WORDS} words and more are coded on bit planes; every column
     * of such a code is checked against the code of that column alone (one word per shard, the path the vectors
     * check), including columns of a last, partial 64-word block.
     */
    @Test
    void bitslicedColumnsMatchTheWordPath() {
        Random r = new Random(5);
        for (int[] shape : new int[][] {{1023, 342}, {6, 2}, {13, 4}}) {
            ErasureCode code = coding.code(shape[0], shape[1]);
            for (int k : new int[] {AdditiveFftErasureCode.BITSLICED_MIN_WORDS, 300, 1100, 1501}) {
                byte[] data = new byte[k * code.pieceSize()];
                r.nextBytes(data);
                byte[][] shards = code.encode(data);
                int shardBytes = 2 * k;
                for (int column : new int[] {0, 1, 63, 64, 65, 255, k - 2, k - 1, r.nextInt(k)}) {
                    byte[] piece = new byte[code.pieceSize()];
                    for (int i = 0; i < code.dataShards(); i++) {
                        piece[2 * i] = data[i * shardBytes + 2 * column];
                        piece[2 * i + 1] = data[i * shardBytes + 2 * column + 1];
                    }
                    byte[][] alone = code.encode(piece);
                    for (int p = 0; p < shape[0]; p++) {
                        assertArrayEquals(alone[p], java.util.Arrays.copyOfRange(shards[p], 2 * column, 2 * column + 2),
                                shape[0] + "/" + shape[1] + " k=" + k + " column " + column + " shard " + p);
                    }
                }
            }
        }
    }

    /** Subsets whose recovery shards are all low decode on a smaller transform; high ones on the full one. */
    @Test
    void recoversFromLowAndHighRecoveryShards() {
        ErasureCode code = coding.code(ChainParams.full());
        Random r = new Random(3);
        byte[] data = new byte[50 * 684];
        r.nextBytes(data);
        byte[][] shards = code.encode(data);
        int[][] subsets = {range(0, 340, 342, 344), range(0, 100, 342, 584), range(200, 342, 1023 - 200, 1023),
            range(0, 1, 342, 683), range(0, 0, 681, 1023)};
        for (int[] subset : subsets) {
            assertEquals(342, subset.length);
            assertArrayEquals(data, ErasureVectorsTest.recover(code, shards, subset));
        }
    }

    /** {@code [a, b) ∪ [c, d)}. */
    private static int[] range(int a, int b, int c, int d) {
        int[] out = new int[(b - a) + (d - c)];
        int n = 0;
        for (int i = a; i < b; i++) {
            out[n++] = i;
        }
        for (int i = c; i < d; i++) {
            out[n++] = i;
        }
        return out;
    }

    @Test
    void cachedPerShape() {
        assertEquals(coding.code(ChainParams.full()), coding.code(1023, 342));
        assertEquals(2, coding.code(ChainParams.tiny()).dataShards());
    }

    @Test
    void refusesBadInput() {
        ErasureCode code = coding.code(ChainParams.tiny());
        assertThrows(ErasureCodingException.class, () -> code.encode(new byte[5]));
        byte[][] s = code.encode(new byte[8]);
        assertThrows(ErasureCodingException.class, () -> code.reconstruct(new int[] {1}, new byte[][] {s[1]}));
        assertThrows(ErasureCodingException.class, () -> code.reconstruct(new int[] {1, 1}, new byte[][] {s[1], s[1]}));
        assertThrows(ErasureCodingException.class, () -> code.reconstruct(new int[] {1, 6}, new byte[][] {s[1], s[1]}));
        assertThrows(ErasureCodingException.class, () -> code.reconstruct(new int[] {1, 2}, new byte[][] {s[1], new byte[2]}));
        assertThrows(ErasureCodingException.class, () -> code.reconstruct(new int[] {1, 2}, new byte[][] {new byte[3], new byte[3]}));
        assertThrows(ErasureCodingException.class, () -> coding.code(5, 5));
        assertThrows(ErasureCodingException.class, () -> coding.code(70_000, 2));
    }
}
