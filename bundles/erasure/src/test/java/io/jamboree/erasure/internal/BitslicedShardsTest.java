package io.jamboree.erasure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bit-plane form of a shard: its transposes, and its products against the word form. */
class BitslicedShardsTest {
    /** Bit j of word c is in plane j, long c/64, at {@code position(c)}; the 64 positions of a block all differ. */
    @Test
    void loadPutsEveryBitOfEveryWordInItsPlane() {
        Random r = new Random(1);
        int k = 150;
        byte[] words = new byte[2 * k];
        r.nextBytes(words);
        BitslicedShards area = new BitslicedShards().bind(2, k);
        area.load(1, words, 0, k);
        for (int c = 0; c < 192; c++) {
            int word = c < k ? (words[2 * c] & 0xFF) | (words[2 * c + 1] & 0xFF) << 8 : 0;
            for (int j = 0; j < 16; j++) {
                assertEquals((word >>> j & 1) != 0, area.bit(1, j, c), "word " + c + " bit " + j);
            }
        }
        long seen = 0;
        for (int c = 0; c < 64; c++) {
            seen |= 1L << BitslicedShards.position(c);
        }
        assertEquals(-1L, seen);
    }

    @Test
    void loadThenStoreGivesTheWordsBackForEveryLength() {
        Random r = new Random(2);
        BitslicedShards area = new BitslicedShards();
        for (int k : new int[] {1, 7, 8, 9, 63, 64, 65, 127, 128, 1000, 1501}) {
            area.bind(3, k);
            byte[] words = new byte[2 * k + 6];
            r.nextBytes(words);
            area.load(1, words, 3, k);
            byte[] back = new byte[2 * k + 6];
            area.store(1, back, 3, k);
            assertArrayEquals(java.util.Arrays.copyOfRange(words, 3, 3 + 2 * k),
                    java.util.Arrays.copyOfRange(back, 3, 3 + 2 * k), "k=" + k);
        }
    }

    /** Products, in place and not, and both butterflies, against the word form on the same shards. */
    @Test
    void operationsAgreeWithTheWordForm() {
        Random r = new Random(3);
        int k = 200;
        int shards = 8;
        byte[][] start = new byte[shards][2 * k];
        for (byte[] s : start) {
            r.nextBytes(s);
        }
        for (int round = 0; round < 40; round++) {
            BitslicedShards bits = new BitslicedShards().bind(shards, k);
            WordShards words = new WordShards().bind(shards, k);
            for (int s = 0; s < shards; s++) {
                bits.load(s, start[s], 0, k);
                AdditiveFftErasureCode.toWords(start[s], 0, words.work(), s * k, k);
            }
            int logM = round == 0 ? Gf16.ZERO_LOG : r.nextInt(Gf16.MODULUS);
            switch (round % 4) {
                case 0 -> {
                    bits.fftButterflies(0, 4, 4, logM);
                    words.fftButterflies(0, 4, 4, logM);
                }
                case 1 -> {
                    bits.ifftButterflies(2, 6, 2, logM);
                    words.ifftButterflies(2, 6, 2, logM);
                }
                case 2 -> {
                    bits.mulAdd(1, 1, 3, logM);
                    words.mulAdd(1, 1, 3, logM);
                }
                default -> {
                    bits.mulAdd(5, 0, 3, logM);
                    words.mulAdd(5, 0, 3, logM);
                }
            }
            for (int s = 0; s < shards; s++) {
                byte[] got = new byte[2 * k];
                bits.store(s, got, 0, k);
                byte[] want = new byte[2 * k];
                for (int w = 0; w < k; w++) {
                    char v = words.work()[s * k + w];
                    want[2 * w] = (byte) v;
                    want[2 * w + 1] = (byte) (v >>> 8);
                }
                assertArrayEquals(want, got, "round " + round + " shard " + s);
            }
        }
    }
}
