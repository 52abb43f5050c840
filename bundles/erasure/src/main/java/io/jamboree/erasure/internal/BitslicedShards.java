package io.jamboree.erasure.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An {@link AdditiveFft} work area of bit-sliced shards. A shard of {@code k} words is sixteen bit planes of
 * {@code L = ⌈k/64⌉} longs, long {@code b} for the columns (words) {@code 64b .. 64b+63}: bit {@link #position}
 * {@code (c)} of it in plane {@code j} is bit {@code j} (the coefficient of the Cantor basis word {@code v_j}, GP 0.7.2
 * Appendix H.2) of word {@code c}. Which bit holds which column does not matter to the transform (every plane XOR is
 * column by column); this order makes the way in and out sixteen loads, 32 masked exchanges and sixteen stores per
 * 64 words.
 *
 * <p>Multiplication by a constant is GF(2)-linear, a 16×16 bit matrix: column {@code i} is the product of
 * {@code v_i}, so {@code a ^= b·t} is "plane {@code j} of {@code a} ^= plane {@code i} of {@code b}" for each set bit
 * {@code j} of {@code v_i·t}: about 128 XORs of whole planes and no table lookup per word, done row by row with
 * up to eight input planes per pass over an output plane. Each plane is its own array and every such pass is
 * {@code d[w] ^= a[w] ^ b[w] ..} over the same index, a loop the JIT turns into vector instructions. Words go in and
 * out with {@link #load} and {@link #store} ({@link #loadTimes} and {@link #storeTimes} with a product on the way).
 *
 * <p>Memory: a 4 MiB bundle's recovery area is about 25 MB, far beyond the caches, and at the upper FFT levels a
 * butterfly's shards are far apart. Two levels are done per pass over the shards ({@link #fftQuartets},
 * {@link #ifftQuartets}), and in large groups each shard (its sixteen planes lie one after the other in memory) is
 * first read once in address order ({@code touch}), which the hardware prefetcher follows, before the product reads
 * it plane by plane.
 */
final class BitslicedShards extends AdditiveFft {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long[][] planes = new long[0][];
    private int longs;
    private final long[][] temp = new long[16][];
    private final int[] rows = new int[16];
    private final int[] rowsLeft = new int[16];
    private final int[] rowsRight = new int[16];
    private final long[][] inputs = new long[16][];
    private final byte[] tail = new byte[128];
    /** Where {@code touch} adds what it reads, so that the JIT keeps its loads (never read otherwise). */
    private long sink;
    /** Groups of at least this many shard pairs or quartets are far apart in memory: their shards are touched first. */
    private static final int TOUCH_MIN_GROUP = 16;

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
        boolean far = n >= TOUCH_MIN_GROUP;
        for (int t = 0; t < n; t++) {
            if (far) {
                touch(a + t);
                touch(b + t);
            }
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

    /** Quartet by quartet: the four shards of one are in the cache for both levels. */
    @Override
    void fftQuartets(int a, int h, int logT, int logLeft, int logRight, boolean right) {
        quartets(false, a, h, logT, logLeft, logRight, true, right);
    }

    /** Quartet by quartet, as {@link #fftQuartets}. */
    @Override
    void ifftQuartets(int a, int h, int logT, int logLeft, int logRight, boolean left, boolean right) {
        quartets(true, a, h, logT, logLeft, logRight, left, right);
    }

    /**
     * The two levels of {@link #fftQuartets} (forward: the group's butterflies, then the halves') or, if
     * {@code inverse}, of {@link #ifftQuartets} (the halves', then the group's), one quartet after the other.
     */
    private void quartets(boolean inverse, int a, int h, int logT, int logLeft, int logRight, boolean left,
            boolean right) {
        productRows(logT, rows);
        productRows(logLeft, rowsLeft);
        productRows(logRight, rowsRight);
        boolean far = h >= TOUCH_MIN_GROUP;
        for (int t = 0; t < h; t++) {
            int s0 = a + t;
            int s1 = s0 + h;
            int s2 = s1 + h;
            int s3 = s2 + h;
            if (far) {
                touch(s0);
                touch(s1);
                touch(s2);
                touch(s3);
            }
            if (inverse) {
                if (left) {
                    ifftButterfly(s0, s1, logLeft, rowsLeft);
                }
                if (right) {
                    ifftButterfly(s2, s3, logRight, rowsRight);
                }
                ifftButterfly(s0, s2, logT, rows);
                ifftButterfly(s1, s3, logT, rows);
            } else {
                fftButterfly(s0, s2, logT, rows);
                fftButterfly(s1, s3, logT, rows);
                fftButterfly(s0, s1, logLeft, rowsLeft);
                if (right) {
                    fftButterfly(s2, s3, logRight, rowsRight);
                }
            }
        }
    }

    /** {@code a ^= b·t; b ^= a} for the rows {@code r} of {@code t = α^logM} (only the XOR for the zero twiddle). */
    private void fftButterfly(int a, int b, int logM, int[] r) {
        if (logM != Gf16.ZERO_LOG) {
            mulAddPlanes(planes, 16 * a, planes, 16 * b, r);
        }
        xorShard(b, a);
    }

    /** {@code b ^= a; a ^= b·t}, the inverse of {@link #fftButterfly}. */
    private void ifftButterfly(int a, int b, int logM, int[] r) {
        xorShard(b, a);
        if (logM != Gf16.ZERO_LOG) {
            mulAddPlanes(planes, 16 * a, planes, 16 * b, r);
        }
    }

    @Override
    void xor(int x, int y, int n) {
        for (int t = 0; t < n; t++) {
            xorShard(x + t, y + t);
        }
    }

    @Override
    void xor2(int x, int y, int z, int n) {
        int l = longs;
        long[][] p = planes;
        for (int t = 0; t < n; t++) {
            int dx = 16 * (x + t);
            int dy = 16 * (y + t);
            int dz = 16 * (z + t);
            for (int j = 0; j < 16; j++) {
                xorPlanes(p[dx + j], p[dy + j], p[dz + j], l);
            }
        }
    }

    @Override
    void mulAdd(int x, int y, int n, int logM) {
        productRows(logM);
        for (int t = 0; t < n; t++) {
            if (x == y) {
                mulAddPlanes(planes, 16 * (x + t), stash(x + t, false), 0, rows);
            } else {
                if (n >= TOUCH_MIN_GROUP) {
                    touch(x + t);
                    touch(y + t);
                }
                mulAddShard(x + t, y + t);
            }
        }
    }

    /** Shard {@code s} multiplied in place by {@code α^logM}. */
    void mul(int s, int logM) {
        if (logM == 0 || logM == Gf16.ZERO_LOG) {
            return; // α^0 = 1 (65535 is another spelling of 0, see Gf16.addMod)
        }
        productRows(logM);
        mulAddPlanes(planes, 16 * s, stash(s, true), 0, rows);
    }

    /** Shard {@code s}'s planes copied to {@code temp} (the input of an in-place product), the shard cleared if asked. */
    private long[][] stash(int s, boolean clear) {
        int l = longs;
        int base = 16 * s;
        for (int j = 0; j < 16; j++) {
            System.arraycopy(planes[base + j], 0, temp[j], 0, l);
            if (clear) {
                java.util.Arrays.fill(planes[base + j], 0, l, 0L);
            }
        }
        return temp;
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
        productRows(logM, rows);
    }

    /** {@link #productRows(int)} into {@code r}. */
    private static void productRows(int logM, int[] r) {
        java.util.Arrays.fill(r, 0);
        for (int i = 0; i < 16; i++) {
            for (int c = Gf16.mulLog(1 << i, logM); c != 0; c &= c - 1) {
                r[Integer.numberOfTrailingZeros(c)] |= 1 << i;
            }
        }
    }

    /** Shard {@code a ^= b · t} for the {@link #productRows} of {@code t}. */
    private void mulAddShard(int a, int b) {
        mulAddPlanes(planes, 16 * a, planes, 16 * b, rows);
    }

    /** Each output plane takes the XOR of its row's input planes, up to eight at a time (one pass over it per eight). */
    private void mulAddPlanes(long[][] dst, int d, long[][] src, int s, int[] r) {
        int l = longs;
        long[][] in = inputs;
        for (int j = 0; j < 16; j++) {
            int n = 0;
            for (int row = r[j]; row != 0; row &= row - 1) {
                in[n++] = src[s + Integer.numberOfTrailingZeros(row)];
            }
            long[] out = dst[d + j];
            int at = 0;
            while (n - at > 8) {
                xorPlanes(out, in[at], in[at + 1], in[at + 2], in[at + 3], in[at + 4], in[at + 5], in[at + 6],
                        in[at + 7], l);
                at += 8;
            }
            switch (n - at) {
                case 8 -> xorPlanes(out, in[at], in[at + 1], in[at + 2], in[at + 3], in[at + 4], in[at + 5],
                        in[at + 6], in[at + 7], l);
                case 7 -> xorPlanes(out, in[at], in[at + 1], in[at + 2], in[at + 3], in[at + 4], in[at + 5],
                        in[at + 6], l);
                case 6 -> xorPlanes(out, in[at], in[at + 1], in[at + 2], in[at + 3], in[at + 4], in[at + 5], l);
                case 5 -> xorPlanes(out, in[at], in[at + 1], in[at + 2], in[at + 3], in[at + 4], l);
                case 4 -> xorPlanes(out, in[at], in[at + 1], in[at + 2], in[at + 3], l);
                case 3 -> xorPlanes(out, in[at], in[at + 1], in[at + 2], l);
                case 2 -> xorPlanes(out, in[at], in[at + 1], l);
                case 1 -> xorPlane(out, in[at], l);
                default -> { }
            }
        }
    }

    /** One load per cache line of shard {@code s}'s planes, in address order: brings it in before a product reads it. */
    private void touch(int s) {
        long[][] p = planes;
        int l = longs;
        long acc = 0;
        for (int j = 16 * s, end = j + 16; j < end; j++) {
            long[] plane = p[j];
            for (int w = 0; w < l; w += 8) {
                acc += plane[w];
            }
        }
        sink += acc;
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

    private static void xorPlanes(long[] d, long[] a, long[] b, long[] c, long[] e, long[] f, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w] ^ c[w] ^ e[w] ^ f[w];
        }
    }

    private static void xorPlanes(long[] d, long[] a, long[] b, long[] c, long[] e, long[] f, long[] g, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w] ^ c[w] ^ e[w] ^ f[w] ^ g[w];
        }
    }

    private static void xorPlanes(long[] d, long[] a, long[] b, long[] c, long[] e, long[] f, long[] g, long[] h,
            int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w] ^ c[w] ^ e[w] ^ f[w] ^ g[w] ^ h[w];
        }
    }

    private static void xorPlanes(long[] d, long[] a, long[] b, long[] c, long[] e, long[] f, long[] g, long[] h,
            long[] i, int l) {
        for (int w = 0; w < l; w++) {
            d[w] ^= a[w] ^ b[w] ^ c[w] ^ e[w] ^ f[w] ^ g[w] ^ h[w] ^ i[w];
        }
    }

    /**
     * Shard {@code s} from the {@code k} little-endian words at {@code src[off ..]}; columns beyond {@code k} are
     * zero.
     */
    void load(int s, byte[] src, int off, int k) {
        loadInto(planes, 16 * s, src, off, k);
    }

    /**
     * Shard {@code s} from {@code k} words as {@link #load}, times {@code α^logM}: the words go into scratch planes
     * and the product from there into the shard (no copy of the shard for an in-place product).
     */
    void loadTimes(int s, byte[] src, int off, int k, int logM) {
        if (logM == 0 || logM == Gf16.ZERO_LOG) {
            load(s, src, off, k);
            return;
        }
        loadInto(temp, 0, src, off, k);
        productRows(logM);
        zero(s, s + 1);
        mulAddPlanes(planes, 16 * s, temp, 0, rows);
    }

    /**
     * Shard {@code s} times {@code α^logM} as {@code k} words into {@code dst[off ..]}, as {@link #store}; the shard
     * itself is left as it was.
     */
    void storeTimes(int s, int logM, byte[] dst, int off, int k) {
        if (logM == 0 || logM == Gf16.ZERO_LOG) {
            store(s, dst, off, k);
            return;
        }
        long[][] t = temp;
        int l = longs;
        for (int j = 0; j < 16; j++) {
            java.util.Arrays.fill(t[j], 0, l, 0L);
        }
        productRows(logM);
        mulAddPlanes(t, 0, planes, 16 * s, rows);
        storeFrom(t, 0, dst, off, k);
    }

    private void loadInto(long[][] p, int base, byte[] src, int off, int k) {
        int full = k >>> 6;
        for (int block = 0; block < full; block++) {
            loadBlock(p, base, block, src, off + 128 * block);
        }
        if (full < longs) {
            byte[] t = tail;
            java.util.Arrays.fill(t, (byte) 0);
            System.arraycopy(src, off + 128 * full, t, 0, 2 * (k - 64 * full));
            loadBlock(p, base, full, t, 0);
        }
    }

    /** Shard {@code s} as {@code k} little-endian words into {@code dst[off ..]}. */
    void store(int s, byte[] dst, int off, int k) {
        storeFrom(planes, 16 * s, dst, off, k);
    }

    private void storeFrom(long[][] p, int base, byte[] dst, int off, int k) {
        int full = k >>> 6;
        for (int block = 0; block < full; block++) {
            storeBlock(p, base, block, dst, off + 128 * block);
        }
        if (full < longs) {
            byte[] t = tail;
            storeBlock(p, base, full, t, 0);
            System.arraycopy(t, 0, dst, off + 128 * full, 2 * (k - 64 * full));
        }
    }

    /** Bit {@code column} of plane {@code plane} of shard {@code s}, where the word of that column is stored. */
    boolean bit(int s, int plane, int column) {
        return (planes[16 * s + plane][column >>> 6] >>> position(column) & 1) != 0;
    }

    /** The bit of a plane's long at which column {@code c} sits: {@code 16u + q} for {@code c mod 64 = 4q + u}. */
    static int position(int c) {
        int q = (c & 63) >>> 2;
        int u = c & 3;
        return 16 * u + q;
    }

    /**
     * The 64 words at {@code src[o ..]} into column block {@code block} of the planes from {@code base}: the 16 longs
     * read (long {@code q} holds words {@code 4q .. 4q+3}, word {@code 4q+u} at bits {@code 16u ..}) are a bit matrix
     * whose long index and in-long bit index are exchanged bit by bit, the low four of each (32 masked delta swaps).
     */
    private static void loadBlock(long[][] p, int base, int block, byte[] src, int o) {
        long w0 = (long) LONG_LE.get(src, o + 0);
        long w1 = (long) LONG_LE.get(src, o + 8);
        long w2 = (long) LONG_LE.get(src, o + 16);
        long w3 = (long) LONG_LE.get(src, o + 24);
        long w4 = (long) LONG_LE.get(src, o + 32);
        long w5 = (long) LONG_LE.get(src, o + 40);
        long w6 = (long) LONG_LE.get(src, o + 48);
        long w7 = (long) LONG_LE.get(src, o + 56);
        long w8 = (long) LONG_LE.get(src, o + 64);
        long w9 = (long) LONG_LE.get(src, o + 72);
        long w10 = (long) LONG_LE.get(src, o + 80);
        long w11 = (long) LONG_LE.get(src, o + 88);
        long w12 = (long) LONG_LE.get(src, o + 96);
        long w13 = (long) LONG_LE.get(src, o + 104);
        long w14 = (long) LONG_LE.get(src, o + 112);
        long w15 = (long) LONG_LE.get(src, o + 120);
        long t;
        t = (w0 >>> 1 ^ w1) & 0x5555555555555555L;
        w1 ^= t;
        w0 ^= t << 1;
        t = (w2 >>> 1 ^ w3) & 0x5555555555555555L;
        w3 ^= t;
        w2 ^= t << 1;
        t = (w4 >>> 1 ^ w5) & 0x5555555555555555L;
        w5 ^= t;
        w4 ^= t << 1;
        t = (w6 >>> 1 ^ w7) & 0x5555555555555555L;
        w7 ^= t;
        w6 ^= t << 1;
        t = (w8 >>> 1 ^ w9) & 0x5555555555555555L;
        w9 ^= t;
        w8 ^= t << 1;
        t = (w10 >>> 1 ^ w11) & 0x5555555555555555L;
        w11 ^= t;
        w10 ^= t << 1;
        t = (w12 >>> 1 ^ w13) & 0x5555555555555555L;
        w13 ^= t;
        w12 ^= t << 1;
        t = (w14 >>> 1 ^ w15) & 0x5555555555555555L;
        w15 ^= t;
        w14 ^= t << 1;
        t = (w0 >>> 2 ^ w2) & 0x3333333333333333L;
        w2 ^= t;
        w0 ^= t << 2;
        t = (w1 >>> 2 ^ w3) & 0x3333333333333333L;
        w3 ^= t;
        w1 ^= t << 2;
        t = (w4 >>> 2 ^ w6) & 0x3333333333333333L;
        w6 ^= t;
        w4 ^= t << 2;
        t = (w5 >>> 2 ^ w7) & 0x3333333333333333L;
        w7 ^= t;
        w5 ^= t << 2;
        t = (w8 >>> 2 ^ w10) & 0x3333333333333333L;
        w10 ^= t;
        w8 ^= t << 2;
        t = (w9 >>> 2 ^ w11) & 0x3333333333333333L;
        w11 ^= t;
        w9 ^= t << 2;
        t = (w12 >>> 2 ^ w14) & 0x3333333333333333L;
        w14 ^= t;
        w12 ^= t << 2;
        t = (w13 >>> 2 ^ w15) & 0x3333333333333333L;
        w15 ^= t;
        w13 ^= t << 2;
        t = (w0 >>> 4 ^ w4) & 0x0F0F0F0F0F0F0F0FL;
        w4 ^= t;
        w0 ^= t << 4;
        t = (w1 >>> 4 ^ w5) & 0x0F0F0F0F0F0F0F0FL;
        w5 ^= t;
        w1 ^= t << 4;
        t = (w2 >>> 4 ^ w6) & 0x0F0F0F0F0F0F0F0FL;
        w6 ^= t;
        w2 ^= t << 4;
        t = (w3 >>> 4 ^ w7) & 0x0F0F0F0F0F0F0F0FL;
        w7 ^= t;
        w3 ^= t << 4;
        t = (w8 >>> 4 ^ w12) & 0x0F0F0F0F0F0F0F0FL;
        w12 ^= t;
        w8 ^= t << 4;
        t = (w9 >>> 4 ^ w13) & 0x0F0F0F0F0F0F0F0FL;
        w13 ^= t;
        w9 ^= t << 4;
        t = (w10 >>> 4 ^ w14) & 0x0F0F0F0F0F0F0F0FL;
        w14 ^= t;
        w10 ^= t << 4;
        t = (w11 >>> 4 ^ w15) & 0x0F0F0F0F0F0F0F0FL;
        w15 ^= t;
        w11 ^= t << 4;
        t = (w0 >>> 8 ^ w8) & 0x00FF00FF00FF00FFL;
        w8 ^= t;
        w0 ^= t << 8;
        t = (w1 >>> 8 ^ w9) & 0x00FF00FF00FF00FFL;
        w9 ^= t;
        w1 ^= t << 8;
        t = (w2 >>> 8 ^ w10) & 0x00FF00FF00FF00FFL;
        w10 ^= t;
        w2 ^= t << 8;
        t = (w3 >>> 8 ^ w11) & 0x00FF00FF00FF00FFL;
        w11 ^= t;
        w3 ^= t << 8;
        t = (w4 >>> 8 ^ w12) & 0x00FF00FF00FF00FFL;
        w12 ^= t;
        w4 ^= t << 8;
        t = (w5 >>> 8 ^ w13) & 0x00FF00FF00FF00FFL;
        w13 ^= t;
        w5 ^= t << 8;
        t = (w6 >>> 8 ^ w14) & 0x00FF00FF00FF00FFL;
        w14 ^= t;
        w6 ^= t << 8;
        t = (w7 >>> 8 ^ w15) & 0x00FF00FF00FF00FFL;
        w15 ^= t;
        w7 ^= t << 8;
        p[base + 0][block] = w0;
        p[base + 1][block] = w1;
        p[base + 2][block] = w2;
        p[base + 3][block] = w3;
        p[base + 4][block] = w4;
        p[base + 5][block] = w5;
        p[base + 6][block] = w6;
        p[base + 7][block] = w7;
        p[base + 8][block] = w8;
        p[base + 9][block] = w9;
        p[base + 10][block] = w10;
        p[base + 11][block] = w11;
        p[base + 12][block] = w12;
        p[base + 13][block] = w13;
        p[base + 14][block] = w14;
        p[base + 15][block] = w15;
    }

    /** The inverse of {@link #loadBlock} (the same exchanges undo themselves). */
    private static void storeBlock(long[][] p, int base, int block, byte[] dst, int o) {
        long w0 = p[base + 0][block];
        long w1 = p[base + 1][block];
        long w2 = p[base + 2][block];
        long w3 = p[base + 3][block];
        long w4 = p[base + 4][block];
        long w5 = p[base + 5][block];
        long w6 = p[base + 6][block];
        long w7 = p[base + 7][block];
        long w8 = p[base + 8][block];
        long w9 = p[base + 9][block];
        long w10 = p[base + 10][block];
        long w11 = p[base + 11][block];
        long w12 = p[base + 12][block];
        long w13 = p[base + 13][block];
        long w14 = p[base + 14][block];
        long w15 = p[base + 15][block];
        long t;
        t = (w0 >>> 1 ^ w1) & 0x5555555555555555L;
        w1 ^= t;
        w0 ^= t << 1;
        t = (w2 >>> 1 ^ w3) & 0x5555555555555555L;
        w3 ^= t;
        w2 ^= t << 1;
        t = (w4 >>> 1 ^ w5) & 0x5555555555555555L;
        w5 ^= t;
        w4 ^= t << 1;
        t = (w6 >>> 1 ^ w7) & 0x5555555555555555L;
        w7 ^= t;
        w6 ^= t << 1;
        t = (w8 >>> 1 ^ w9) & 0x5555555555555555L;
        w9 ^= t;
        w8 ^= t << 1;
        t = (w10 >>> 1 ^ w11) & 0x5555555555555555L;
        w11 ^= t;
        w10 ^= t << 1;
        t = (w12 >>> 1 ^ w13) & 0x5555555555555555L;
        w13 ^= t;
        w12 ^= t << 1;
        t = (w14 >>> 1 ^ w15) & 0x5555555555555555L;
        w15 ^= t;
        w14 ^= t << 1;
        t = (w0 >>> 2 ^ w2) & 0x3333333333333333L;
        w2 ^= t;
        w0 ^= t << 2;
        t = (w1 >>> 2 ^ w3) & 0x3333333333333333L;
        w3 ^= t;
        w1 ^= t << 2;
        t = (w4 >>> 2 ^ w6) & 0x3333333333333333L;
        w6 ^= t;
        w4 ^= t << 2;
        t = (w5 >>> 2 ^ w7) & 0x3333333333333333L;
        w7 ^= t;
        w5 ^= t << 2;
        t = (w8 >>> 2 ^ w10) & 0x3333333333333333L;
        w10 ^= t;
        w8 ^= t << 2;
        t = (w9 >>> 2 ^ w11) & 0x3333333333333333L;
        w11 ^= t;
        w9 ^= t << 2;
        t = (w12 >>> 2 ^ w14) & 0x3333333333333333L;
        w14 ^= t;
        w12 ^= t << 2;
        t = (w13 >>> 2 ^ w15) & 0x3333333333333333L;
        w15 ^= t;
        w13 ^= t << 2;
        t = (w0 >>> 4 ^ w4) & 0x0F0F0F0F0F0F0F0FL;
        w4 ^= t;
        w0 ^= t << 4;
        t = (w1 >>> 4 ^ w5) & 0x0F0F0F0F0F0F0F0FL;
        w5 ^= t;
        w1 ^= t << 4;
        t = (w2 >>> 4 ^ w6) & 0x0F0F0F0F0F0F0F0FL;
        w6 ^= t;
        w2 ^= t << 4;
        t = (w3 >>> 4 ^ w7) & 0x0F0F0F0F0F0F0F0FL;
        w7 ^= t;
        w3 ^= t << 4;
        t = (w8 >>> 4 ^ w12) & 0x0F0F0F0F0F0F0F0FL;
        w12 ^= t;
        w8 ^= t << 4;
        t = (w9 >>> 4 ^ w13) & 0x0F0F0F0F0F0F0F0FL;
        w13 ^= t;
        w9 ^= t << 4;
        t = (w10 >>> 4 ^ w14) & 0x0F0F0F0F0F0F0F0FL;
        w14 ^= t;
        w10 ^= t << 4;
        t = (w11 >>> 4 ^ w15) & 0x0F0F0F0F0F0F0F0FL;
        w15 ^= t;
        w11 ^= t << 4;
        t = (w0 >>> 8 ^ w8) & 0x00FF00FF00FF00FFL;
        w8 ^= t;
        w0 ^= t << 8;
        t = (w1 >>> 8 ^ w9) & 0x00FF00FF00FF00FFL;
        w9 ^= t;
        w1 ^= t << 8;
        t = (w2 >>> 8 ^ w10) & 0x00FF00FF00FF00FFL;
        w10 ^= t;
        w2 ^= t << 8;
        t = (w3 >>> 8 ^ w11) & 0x00FF00FF00FF00FFL;
        w11 ^= t;
        w3 ^= t << 8;
        t = (w4 >>> 8 ^ w12) & 0x00FF00FF00FF00FFL;
        w12 ^= t;
        w4 ^= t << 8;
        t = (w5 >>> 8 ^ w13) & 0x00FF00FF00FF00FFL;
        w13 ^= t;
        w5 ^= t << 8;
        t = (w6 >>> 8 ^ w14) & 0x00FF00FF00FF00FFL;
        w14 ^= t;
        w6 ^= t << 8;
        t = (w7 >>> 8 ^ w15) & 0x00FF00FF00FF00FFL;
        w15 ^= t;
        w7 ^= t << 8;
        LONG_LE.set(dst, o + 0, w0);
        LONG_LE.set(dst, o + 8, w1);
        LONG_LE.set(dst, o + 16, w2);
        LONG_LE.set(dst, o + 24, w3);
        LONG_LE.set(dst, o + 32, w4);
        LONG_LE.set(dst, o + 40, w5);
        LONG_LE.set(dst, o + 48, w6);
        LONG_LE.set(dst, o + 56, w7);
        LONG_LE.set(dst, o + 64, w8);
        LONG_LE.set(dst, o + 72, w9);
        LONG_LE.set(dst, o + 80, w10);
        LONG_LE.set(dst, o + 88, w11);
        LONG_LE.set(dst, o + 96, w12);
        LONG_LE.set(dst, o + 104, w13);
        LONG_LE.set(dst, o + 112, w14);
        LONG_LE.set(dst, o + 120, w15);
    }
}
