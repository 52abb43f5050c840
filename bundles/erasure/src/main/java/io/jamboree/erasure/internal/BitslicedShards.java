package io.jamboree.erasure.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An {@link AdditiveFft} work area of bit-sliced shards. A shard of {@code k} words is sixteen bit planes of
 * {@code L = ⌈k/64⌉} longs: bit {@code c mod 64} of long {@code c/64} of plane {@code j} is bit {@code j} (the
 * coefficient of the Cantor basis word {@code v_j}, GP 0.7.2 Appendix H.2) of word {@code c}.
 *
 * <p>Multiplication by a constant is GF(2)-linear, a 16×16 bit matrix: column {@code i} is the product of
 * {@code v_i}, so {@code a ^= b·t} is "plane {@code j} of {@code a} ^= plane {@code i} of {@code b}" for each set bit
 * {@code j} of {@code v_i·t}: about 128 XORs of whole planes and no table lookup per word, done row by row with
 * up to four input planes per pass over an output plane. Each plane is its own array and every such pass is
 * {@code d[w] ^= a[w] ^ b[w] ..} over the same index, a loop the JIT turns into vector instructions. Words go in and out through an 8×8 bit transpose per 8 words ({@link #load}, {@link #store}).
 */
final class BitslicedShards extends AdditiveFft {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[][] planes = new long[0][];
    private int longs;
    private final long[][] temp = new long[16][];
    private final int[] rows = new int[16];
    private final long[] lo = new long[8];
    private final long[] hi = new long[8];
    private final byte[] tail = new byte[16];

    /** Binds a work area of {@code shards} shards of {@code k} words (grown as needed, contents unspecified). */
    BitslicedShards bind(int shards, int k) {
        int l = (k + 63) >>> 6;
        int need = 16 * shards;
        int width = planes.length == 0 ? 0 : planes[0].length;
        if (width < l) {
            planes = new long[need][];
            for (int p = 0; p < need; p++) {
                planes[p] = new long[l];
            }
            for (int j = 0; j < 16; j++) {
                temp[j] = new long[l];
            }
        } else if (planes.length < need) {
            int had = planes.length;
            planes = java.util.Arrays.copyOf(planes, need);
            for (int p = had; p < need; p++) {
                planes[p] = new long[width];
            }
        }
        this.longs = l;
        return this;
    }

    @Override
    void fftButterflies(int a, int b, int n, int logM) {
        if (logM == Gf16.ZERO_LOG) {
            xor(b, a, n);
            return;
        }
        productRows(logM);
        for (int t = 0; t < n; t++) {
            mulAddShard(a + t, b + t);
            xorShard(b + t, a + t);
        }
    }

    @Override
    void ifftButterflies(int a, int b, int n, int logM) {
        if (logM == Gf16.ZERO_LOG) {
            xor(b, a, n);
            return;
        }
        productRows(logM);
        for (int t = 0; t < n; t++) {
            xorShard(b + t, a + t);
            mulAddShard(a + t, b + t);
        }
    }

    @Override
    void xor(int x, int y, int n) {
        for (int t = 0; t < n; t++) {
            xorShard(x + t, y + t);
        }
    }

    @Override
    void mulAdd(int x, int y, int n, int logM) {
        productRows(logM);
        if (x == y) {
            int l = longs;
            for (int t = 0; t < n; t++) {
                int base = 16 * (x + t);
                for (int j = 0; j < 16; j++) {
                    System.arraycopy(planes[base + j], 0, temp[j], 0, l);
                }
                mulAddPlanes(planes, base, temp, 0);
            }
            return;
        }
        for (int t = 0; t < n; t++) {
            mulAddShard(x + t, y + t);
        }
    }

    @Override
    void zero(int from, int to) {
        int l = longs;
        for (int p = 16 * from; p < 16 * to; p++) {
            java.util.Arrays.fill(planes[p], 0, l, 0L);
        }
    }

    @Override
    void copy(int from, int to, int n) {
        int l = longs;
        for (int p = 0; p < 16 * n; p++) {
            System.arraycopy(planes[16 * from + p], 0, planes[16 * to + p], 0, l);
        }
    }

    /**
     * {@code rows[j]}: the input planes {@code i} (as bits) whose basis word {@code v_i} times {@code α^logM} has bit
     * {@code j}, that is row {@code j} of the product's bit matrix.
     */
    private void productRows(int logM) {
        int[] r = rows;
        java.util.Arrays.fill(r, 0);
        for (int i = 0; i < 16; i++) {
            for (int c = Gf16.mulLog(1 << i, logM); c != 0; c &= c - 1) {
                r[Integer.numberOfTrailingZeros(c)] |= 1 << i;
            }
        }
    }

    /** Shard {@code a ^= b · t} for the {@link #productRows} of {@code t}. */
    private void mulAddShard(int a, int b) {
        mulAddPlanes(planes, 16 * a, planes, 16 * b);
    }

    /** Each output plane takes the XOR of its row's input planes, four at a time (one pass over it per four). */
    private void mulAddPlanes(long[][] dst, int d, long[][] src, int s) {
        int l = longs;
        int[] r = rows;
        for (int j = 0; j < 16; j++) {
            long[] out = dst[d + j];
            int row = r[j];
            while (row != 0) {
                long[] a = src[s + Integer.numberOfTrailingZeros(row)];
                row &= row - 1;
                if (row == 0) {
                    xorPlane(out, a, l);
                    break;
                }
                long[] b = src[s + Integer.numberOfTrailingZeros(row)];
                row &= row - 1;
                if (row == 0) {
                    xorPlanes(out, a, b, l);
                    break;
                }
                long[] c = src[s + Integer.numberOfTrailingZeros(row)];
                row &= row - 1;
                if (row == 0) {
                    xorPlanes(out, a, b, c, l);
                    break;
                }
                long[] e = src[s + Integer.numberOfTrailingZeros(row)];
                row &= row - 1;
                xorPlanes(out, a, b, c, e, l);
            }
        }
    }

    private void xorShard(int x, int y) {
        int l = longs;
        long[][] p = planes;
        int dx = 16 * x;
        int dy = 16 * y;
        for (int j = 0; j < 16; j++) {
            xorPlane(p[dx + j], p[dy + j], l);
        }
    }

    /** {@code d[w] ^= s[w]} for {@code w < l}: the same index on both sides, so the JIT vectorizes it. */
    private static void xorPlane(long[] d, long[] s, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= s[w];
        }
    }

    private static void xorPlanes(long[] d, long[] a, long[] b, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w];
        }
    }

    private static void xorPlanes(long[] d, long[] a, long[] b, long[] c, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w] ^ c[w];
        }
    }

    private static void xorPlanes(long[] d, long[] a, long[] b, long[] c, long[] e, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w] ^ c[w] ^ e[w];
        }
    }

    /**
     * Shard {@code s} from the {@code k} little-endian words at {@code src[off ..]}; columns beyond {@code k} are
     * zero.
     */
    void load(int s, byte[] src, int off, int k) {
        long[][] p = planes;
        int base = 16 * s;
        long[] l8 = lo;
        long[] h8 = hi;
        int full = k >>> 6;
        for (int block = 0; block < full; block++) {
            loadBlock(p, base, block, src, off + 128 * block);
        }
        for (int block = full, blocks = longs; block < blocks; block++) {
            for (int g = 0; g < 8; g++) {
                int word = 64 * block + 8 * g;
                long a;
                long b;
                if (word + 8 <= k) {
                    int o = off + 2 * word;
                    a = (long) LONG_LE.get(src, o);
                    b = (long) LONG_LE.get(src, o + 8);
                } else {
                    byte[] t = tail;
                    java.util.Arrays.fill(t, (byte) 0);
                    if (word < k) {
                        System.arraycopy(src, off + 2 * word, t, 0, 2 * (k - word));
                    }
                    a = (long) LONG_LE.get(t, 0);
                    b = (long) LONG_LE.get(t, 8);
                }
                l8[g] = transpose8(evenBytes(a) | evenBytes(b) << 32);
                h8[g] = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
            }
            transposeBytes(l8);
            transposeBytes(h8);
            for (int j = 0; j < 8; j++) {
                p[base + j][block] = l8[j];
                p[base + 8 + j][block] = h8[j];
            }
        }
    }

    /** Shard {@code s} as {@code k} little-endian words into {@code dst[off ..]}. */
    void store(int s, byte[] dst, int off, int k) {
        long[][] p = planes;
        int base = 16 * s;
        long[] l8 = lo;
        long[] h8 = hi;
        int full = k >>> 6;
        for (int block = 0; block < full; block++) {
            storeBlock(p, base, block, dst, off + 128 * block);
        }
        for (int block = full, blocks = longs; block < blocks; block++) {
            for (int j = 0; j < 8; j++) {
                l8[j] = p[base + j][block];
                h8[j] = p[base + 8 + j][block];
            }
            transposeBytes(l8);
            transposeBytes(h8);
            for (int g = 0; g < 8; g++) {
                int word = 64 * block + 8 * g;
                if (word >= k) {
                    break;
                }
                long l = transpose8(l8[g]);
                long h = transpose8(h8[g]);
                long a = spreadBytes(l & 0xFFFFFFFFL) | spreadBytes(h & 0xFFFFFFFFL) << 8;
                long b = spreadBytes(l >>> 32) | spreadBytes(h >>> 32) << 8;
                if (word + 8 <= k) {
                    int o = off + 2 * word;
                    LONG_LE.set(dst, o, a);
                    LONG_LE.set(dst, o + 8, b);
                } else {
                    byte[] t = tail;
                    LONG_LE.set(t, 0, a);
                    LONG_LE.set(t, 8, b);
                    System.arraycopy(t, 0, dst, off + 2 * word, 2 * (k - word));
                }
            }
        }
    }

    /** {@link #load} of the 64 words at {@code src[o ..]} into column block {@code block} of the planes from {@code base}. */
    private void loadBlock(long[][] p, int base, int block, byte[] src, int o) {
        long a;
        long b;
        long t;
        a = (long) LONG_LE.get(src, o + 0);
        b = (long) LONG_LE.get(src, o + 8);
        long l0 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h0 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 16);
        b = (long) LONG_LE.get(src, o + 24);
        long l1 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h1 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 32);
        b = (long) LONG_LE.get(src, o + 40);
        long l2 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h2 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 48);
        b = (long) LONG_LE.get(src, o + 56);
        long l3 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h3 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 64);
        b = (long) LONG_LE.get(src, o + 72);
        long l4 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h4 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 80);
        b = (long) LONG_LE.get(src, o + 88);
        long l5 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h5 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 96);
        b = (long) LONG_LE.get(src, o + 104);
        long l6 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h6 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        a = (long) LONG_LE.get(src, o + 112);
        b = (long) LONG_LE.get(src, o + 120);
        long l7 = transpose8(evenBytes(a) | evenBytes(b) << 32);
        long h7 = transpose8(evenBytes(a >>> 8) | evenBytes(b >>> 8) << 32);
        t = l0; l0 = (t & 0xFFFFFFFFL) | l4 << 32; l4 = t >>> 32 | (l4 & 0xFFFFFFFF00000000L);
        t = l1; l1 = (t & 0xFFFFFFFFL) | l5 << 32; l5 = t >>> 32 | (l5 & 0xFFFFFFFF00000000L);
        t = l2; l2 = (t & 0xFFFFFFFFL) | l6 << 32; l6 = t >>> 32 | (l6 & 0xFFFFFFFF00000000L);
        t = l3; l3 = (t & 0xFFFFFFFFL) | l7 << 32; l7 = t >>> 32 | (l7 & 0xFFFFFFFF00000000L);
        t = l0; l0 = (t & 0x0000FFFF0000FFFFL) | (l2 & 0x0000FFFF0000FFFFL) << 16; l2 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l2 & 0xFFFF0000FFFF0000L);
        t = l1; l1 = (t & 0x0000FFFF0000FFFFL) | (l3 & 0x0000FFFF0000FFFFL) << 16; l3 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l3 & 0xFFFF0000FFFF0000L);
        t = l4; l4 = (t & 0x0000FFFF0000FFFFL) | (l6 & 0x0000FFFF0000FFFFL) << 16; l6 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l6 & 0xFFFF0000FFFF0000L);
        t = l5; l5 = (t & 0x0000FFFF0000FFFFL) | (l7 & 0x0000FFFF0000FFFFL) << 16; l7 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l7 & 0xFFFF0000FFFF0000L);
        t = l0; l0 = (t & 0x00FF00FF00FF00FFL) | (l1 & 0x00FF00FF00FF00FFL) << 8; l1 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l1 & 0xFF00FF00FF00FF00L);
        t = l2; l2 = (t & 0x00FF00FF00FF00FFL) | (l3 & 0x00FF00FF00FF00FFL) << 8; l3 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l3 & 0xFF00FF00FF00FF00L);
        t = l4; l4 = (t & 0x00FF00FF00FF00FFL) | (l5 & 0x00FF00FF00FF00FFL) << 8; l5 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l5 & 0xFF00FF00FF00FF00L);
        t = l6; l6 = (t & 0x00FF00FF00FF00FFL) | (l7 & 0x00FF00FF00FF00FFL) << 8; l7 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l7 & 0xFF00FF00FF00FF00L);
        t = h0; h0 = (t & 0xFFFFFFFFL) | h4 << 32; h4 = t >>> 32 | (h4 & 0xFFFFFFFF00000000L);
        t = h1; h1 = (t & 0xFFFFFFFFL) | h5 << 32; h5 = t >>> 32 | (h5 & 0xFFFFFFFF00000000L);
        t = h2; h2 = (t & 0xFFFFFFFFL) | h6 << 32; h6 = t >>> 32 | (h6 & 0xFFFFFFFF00000000L);
        t = h3; h3 = (t & 0xFFFFFFFFL) | h7 << 32; h7 = t >>> 32 | (h7 & 0xFFFFFFFF00000000L);
        t = h0; h0 = (t & 0x0000FFFF0000FFFFL) | (h2 & 0x0000FFFF0000FFFFL) << 16; h2 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h2 & 0xFFFF0000FFFF0000L);
        t = h1; h1 = (t & 0x0000FFFF0000FFFFL) | (h3 & 0x0000FFFF0000FFFFL) << 16; h3 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h3 & 0xFFFF0000FFFF0000L);
        t = h4; h4 = (t & 0x0000FFFF0000FFFFL) | (h6 & 0x0000FFFF0000FFFFL) << 16; h6 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h6 & 0xFFFF0000FFFF0000L);
        t = h5; h5 = (t & 0x0000FFFF0000FFFFL) | (h7 & 0x0000FFFF0000FFFFL) << 16; h7 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h7 & 0xFFFF0000FFFF0000L);
        t = h0; h0 = (t & 0x00FF00FF00FF00FFL) | (h1 & 0x00FF00FF00FF00FFL) << 8; h1 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h1 & 0xFF00FF00FF00FF00L);
        t = h2; h2 = (t & 0x00FF00FF00FF00FFL) | (h3 & 0x00FF00FF00FF00FFL) << 8; h3 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h3 & 0xFF00FF00FF00FF00L);
        t = h4; h4 = (t & 0x00FF00FF00FF00FFL) | (h5 & 0x00FF00FF00FF00FFL) << 8; h5 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h5 & 0xFF00FF00FF00FF00L);
        t = h6; h6 = (t & 0x00FF00FF00FF00FFL) | (h7 & 0x00FF00FF00FF00FFL) << 8; h7 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h7 & 0xFF00FF00FF00FF00L);
        p[base + 0][block] = l0;
        p[base + 1][block] = l1;
        p[base + 2][block] = l2;
        p[base + 3][block] = l3;
        p[base + 4][block] = l4;
        p[base + 5][block] = l5;
        p[base + 6][block] = l6;
        p[base + 7][block] = l7;
        p[base + 8][block] = h0;
        p[base + 9][block] = h1;
        p[base + 10][block] = h2;
        p[base + 11][block] = h3;
        p[base + 12][block] = h4;
        p[base + 13][block] = h5;
        p[base + 14][block] = h6;
        p[base + 15][block] = h7;
    }

    /** {@link #store} of column block {@code block} of the planes from {@code base} as 64 words at {@code dst[o ..]}. */
    private static void storeBlock(long[][] p, int base, int block, byte[] dst, int o) {
        long t;
        long l0 = p[base + 0][block];
        long l1 = p[base + 1][block];
        long l2 = p[base + 2][block];
        long l3 = p[base + 3][block];
        long l4 = p[base + 4][block];
        long l5 = p[base + 5][block];
        long l6 = p[base + 6][block];
        long l7 = p[base + 7][block];
        long h0 = p[base + 8][block];
        long h1 = p[base + 9][block];
        long h2 = p[base + 10][block];
        long h3 = p[base + 11][block];
        long h4 = p[base + 12][block];
        long h5 = p[base + 13][block];
        long h6 = p[base + 14][block];
        long h7 = p[base + 15][block];
        t = l0; l0 = (t & 0xFFFFFFFFL) | l4 << 32; l4 = t >>> 32 | (l4 & 0xFFFFFFFF00000000L);
        t = l1; l1 = (t & 0xFFFFFFFFL) | l5 << 32; l5 = t >>> 32 | (l5 & 0xFFFFFFFF00000000L);
        t = l2; l2 = (t & 0xFFFFFFFFL) | l6 << 32; l6 = t >>> 32 | (l6 & 0xFFFFFFFF00000000L);
        t = l3; l3 = (t & 0xFFFFFFFFL) | l7 << 32; l7 = t >>> 32 | (l7 & 0xFFFFFFFF00000000L);
        t = l0; l0 = (t & 0x0000FFFF0000FFFFL) | (l2 & 0x0000FFFF0000FFFFL) << 16; l2 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l2 & 0xFFFF0000FFFF0000L);
        t = l1; l1 = (t & 0x0000FFFF0000FFFFL) | (l3 & 0x0000FFFF0000FFFFL) << 16; l3 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l3 & 0xFFFF0000FFFF0000L);
        t = l4; l4 = (t & 0x0000FFFF0000FFFFL) | (l6 & 0x0000FFFF0000FFFFL) << 16; l6 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l6 & 0xFFFF0000FFFF0000L);
        t = l5; l5 = (t & 0x0000FFFF0000FFFFL) | (l7 & 0x0000FFFF0000FFFFL) << 16; l7 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (l7 & 0xFFFF0000FFFF0000L);
        t = l0; l0 = (t & 0x00FF00FF00FF00FFL) | (l1 & 0x00FF00FF00FF00FFL) << 8; l1 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l1 & 0xFF00FF00FF00FF00L);
        t = l2; l2 = (t & 0x00FF00FF00FF00FFL) | (l3 & 0x00FF00FF00FF00FFL) << 8; l3 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l3 & 0xFF00FF00FF00FF00L);
        t = l4; l4 = (t & 0x00FF00FF00FF00FFL) | (l5 & 0x00FF00FF00FF00FFL) << 8; l5 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l5 & 0xFF00FF00FF00FF00L);
        t = l6; l6 = (t & 0x00FF00FF00FF00FFL) | (l7 & 0x00FF00FF00FF00FFL) << 8; l7 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (l7 & 0xFF00FF00FF00FF00L);
        t = h0; h0 = (t & 0xFFFFFFFFL) | h4 << 32; h4 = t >>> 32 | (h4 & 0xFFFFFFFF00000000L);
        t = h1; h1 = (t & 0xFFFFFFFFL) | h5 << 32; h5 = t >>> 32 | (h5 & 0xFFFFFFFF00000000L);
        t = h2; h2 = (t & 0xFFFFFFFFL) | h6 << 32; h6 = t >>> 32 | (h6 & 0xFFFFFFFF00000000L);
        t = h3; h3 = (t & 0xFFFFFFFFL) | h7 << 32; h7 = t >>> 32 | (h7 & 0xFFFFFFFF00000000L);
        t = h0; h0 = (t & 0x0000FFFF0000FFFFL) | (h2 & 0x0000FFFF0000FFFFL) << 16; h2 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h2 & 0xFFFF0000FFFF0000L);
        t = h1; h1 = (t & 0x0000FFFF0000FFFFL) | (h3 & 0x0000FFFF0000FFFFL) << 16; h3 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h3 & 0xFFFF0000FFFF0000L);
        t = h4; h4 = (t & 0x0000FFFF0000FFFFL) | (h6 & 0x0000FFFF0000FFFFL) << 16; h6 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h6 & 0xFFFF0000FFFF0000L);
        t = h5; h5 = (t & 0x0000FFFF0000FFFFL) | (h7 & 0x0000FFFF0000FFFFL) << 16; h7 = (t >>> 16 & 0x0000FFFF0000FFFFL) | (h7 & 0xFFFF0000FFFF0000L);
        t = h0; h0 = (t & 0x00FF00FF00FF00FFL) | (h1 & 0x00FF00FF00FF00FFL) << 8; h1 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h1 & 0xFF00FF00FF00FF00L);
        t = h2; h2 = (t & 0x00FF00FF00FF00FFL) | (h3 & 0x00FF00FF00FF00FFL) << 8; h3 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h3 & 0xFF00FF00FF00FF00L);
        t = h4; h4 = (t & 0x00FF00FF00FF00FFL) | (h5 & 0x00FF00FF00FF00FFL) << 8; h5 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h5 & 0xFF00FF00FF00FF00L);
        t = h6; h6 = (t & 0x00FF00FF00FF00FFL) | (h7 & 0x00FF00FF00FF00FFL) << 8; h7 = (t >>> 8 & 0x00FF00FF00FF00FFL) | (h7 & 0xFF00FF00FF00FF00L);
        t = transpose8(l0);
        l0 = transpose8(h0);
        LONG_LE.set(dst, o + 0, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l0 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 8, spreadBytes(t >>> 32) | spreadBytes(l0 >>> 32) << 8);
        t = transpose8(l1);
        l1 = transpose8(h1);
        LONG_LE.set(dst, o + 16, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l1 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 24, spreadBytes(t >>> 32) | spreadBytes(l1 >>> 32) << 8);
        t = transpose8(l2);
        l2 = transpose8(h2);
        LONG_LE.set(dst, o + 32, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l2 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 40, spreadBytes(t >>> 32) | spreadBytes(l2 >>> 32) << 8);
        t = transpose8(l3);
        l3 = transpose8(h3);
        LONG_LE.set(dst, o + 48, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l3 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 56, spreadBytes(t >>> 32) | spreadBytes(l3 >>> 32) << 8);
        t = transpose8(l4);
        l4 = transpose8(h4);
        LONG_LE.set(dst, o + 64, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l4 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 72, spreadBytes(t >>> 32) | spreadBytes(l4 >>> 32) << 8);
        t = transpose8(l5);
        l5 = transpose8(h5);
        LONG_LE.set(dst, o + 80, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l5 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 88, spreadBytes(t >>> 32) | spreadBytes(l5 >>> 32) << 8);
        t = transpose8(l6);
        l6 = transpose8(h6);
        LONG_LE.set(dst, o + 96, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l6 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 104, spreadBytes(t >>> 32) | spreadBytes(l6 >>> 32) << 8);
        t = transpose8(l7);
        l7 = transpose8(h7);
        LONG_LE.set(dst, o + 112, spreadBytes(t & 0xFFFFFFFFL) | spreadBytes(l7 & 0xFFFFFFFFL) << 8);
        LONG_LE.set(dst, o + 120, spreadBytes(t >>> 32) | spreadBytes(l7 >>> 32) << 8);
    }

    /** Bytes 0, 2, 4, 6 of {@code x} packed into its low 32 bits. */
    static long evenBytes(long x) {
        x &= 0x00FF00FF00FF00FFL;
        x = (x | x >>> 8) & 0x0000FFFF0000FFFFL;
        return (x | x >>> 16) & 0xFFFFFFFFL;
    }

    /** The inverse of {@link #evenBytes}: the low 4 bytes of {@code x} into bytes 0, 2, 4, 6. */
    static long spreadBytes(long x) {
        x = (x | x << 16) & 0x0000FFFF0000FFFFL;
        return (x | x << 8) & 0x00FF00FF00FF00FFL;
    }

    /** The 8×8 bit matrix whose row {@code r} is byte {@code r} of {@code x}, transposed (its own inverse). */
    static long transpose8(long x) {
        long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        return x ^ t ^ (t << 28);
    }

    /** The 8×8 byte matrix whose row {@code r} is {@code m[r]} (byte {@code c} its column {@code c}), transposed. */
    static void transposeBytes(long[] m) {
        for (int g = 0; g < 4; g++) {
            long a = m[g];
            long b = m[g + 4];
            m[g] = (a & 0xFFFFFFFFL) | b << 32;
            m[g + 4] = a >>> 32 | (b & 0xFFFFFFFF00000000L);
        }
        for (int g = 0; g < 8; g += (g & 1) == 1 ? 3 : 1) {
            long a = m[g];
            long b = m[g + 2];
            m[g] = (a & 0x0000FFFF0000FFFFL) | (b & 0x0000FFFF0000FFFFL) << 16;
            m[g + 2] = (a >>> 16 & 0x0000FFFF0000FFFFL) | (b & 0xFFFF0000FFFF0000L);
        }
        for (int g = 0; g < 8; g += 2) {
            long a = m[g];
            long b = m[g + 1];
            m[g] = (a & 0x00FF00FF00FF00FFL) | (b & 0x00FF00FF00FF00FFL) << 8;
            m[g + 1] = (a >>> 8 & 0x00FF00FF00FF00FFL) | (b & 0xFF00FF00FF00FF00L);
        }
    }
}
