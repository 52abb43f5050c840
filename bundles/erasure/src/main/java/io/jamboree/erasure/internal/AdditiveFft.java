package io.jamboree.erasure.internal;

/**
 * The additive FFT over {@code GF(2^16)} in the novel polynomial basis (Lin, Chung and Han, the transform GP 0.7.2
 * Appendix H names), on a work area of shards: shard {@code p} is the {@code k} words
 * {@code work[p·k .. p·k + k)}, and each of the {@code k} word columns is an independent transform. A butterfly
 * group {@code (r, dist)} pairs shards {@code r .. r+dist} with {@code r+dist .. r+2·dist}, two contiguous runs
 * of the array, so every pass is a flat loop over {@code dist·k} words.
 *
 * <p>{@link #fft} evaluates a polynomial given by its coefficients at the {@code size} points of the coset selected
 * by {@code skewDelta}; {@link #ifft} interpolates. Both recurse depth-first, so once a sub-transform's shards fit
 * in the cache every remaining level runs there. {@code truncated} bounds the shards that matter: for
 * {@link #ifft}, shards from {@code truncated} on are zero; for {@link #fft}, outputs from there on are not needed.
 *
 * <p>Multiplication by a butterfly's twiddle uses two 256-entry tables per group (GF(2)-linearity: 16 products
 * and XORs fill them) when the group is large; small groups multiply through the logarithm tables. Instances hold
 * that scratch and are not thread-safe.
 */
final class AdditiveFft {
    /** Groups with fewer words than this multiply through {@code LOG}/{@code EXP} instead of building tables. */
    private static final int TABLE_THRESHOLD = 1024;

    /** Groups with at least this many words multiply through a full 64 Ki-entry product table. */
    private static final int FULL_TABLE_THRESHOLD = 1 << 16;

    private final char[] lo = new char[256];
    private final char[] hi = new char[256];
    private char[] full;
    private int zeroFrom;
    private int zeroTo;
    private int[] nonZeroBefore;

    /** Forward transform of shards {@code [pos, pos+size)}; outputs from {@code pos+truncated} on are left unspecified. */
    void fft(char[] work, int k, int pos, int size, int truncated, int skewDelta) {
        fftRec(work, k, pos, 0, size, truncated, skewDelta);
    }

    /** Inverse transform of shards {@code [pos, pos+size)} whose shards from {@code pos+truncated} on are zero. */
    void ifft(char[] work, int k, int pos, int size, int truncated, int skewDelta) {
        ifft(work, k, pos, size, truncated, skewDelta, truncated, truncated);
    }

    /**
     * Inverse transform of shards {@code [pos, pos+size)} whose shards from {@code pos+truncated} on, and those in
     * {@code [pos+zeroFrom, pos+zeroTo)}, are zero: butterfly groups wholly inside a zero range are skipped.
     */
    void ifft(char[] work, int k, int pos, int size, int truncated, int skewDelta, int zeroFrom, int zeroTo) {
        this.zeroFrom = zeroFrom;
        this.zeroTo = zeroTo;
        this.nonZeroBefore = null;
        ifftRec(work, k, pos, 0, size, truncated, skewDelta);
    }

    /**
     * Inverse transform of shards {@code [pos, pos+size)} of which only some are non-zero:
     * {@code nonZeroBefore[s]} counts the non-zero shards below absolute shard {@code s}. Butterfly groups over
     * only zero shards are skipped (their outputs are zero).
     */
    void ifftSparse(char[] work, int k, int pos, int size, int skewDelta, int[] nonZeroBefore) {
        this.zeroFrom = 0;
        this.zeroTo = 0;
        this.nonZeroBefore = nonZeroBefore;
        ifftRec(work, k, pos, 0, size, size, skewDelta);
        this.nonZeroBefore = null;
    }

    /**
     * Forward transform keeping only the first {@code keep} outputs, {@code keep} a power of two at most
     * {@code size}: the levels above the {@code keep}-sized block update only its half, which is what recovery
     * needs (it reads back only the original shards).
     */
    void fftPrefix(char[] work, int k, int pos, int size, int keep, int skewDelta) {
        fftPrefix(work, k, pos, size, keep, keep, skewDelta);
    }

    /** {@link #fftPrefix(char[], int, int, int, int, int)} needing only the first {@code needed ≤ keep} outputs. */
    void fftPrefix(char[] work, int k, int pos, int size, int keep, int needed, int skewDelta) {
        int start = pos * k;
        for (int dist = size >>> 1; dist >= keep; dist >>>= 1) {
            // groups r = 0 only: a ^= b·t, and b (outside the kept prefix) is never read again
            int logM = Gf16.SKEW[dist + skewDelta - 1];
            int len = dist * k;
            if (logM != Gf16.ZERO_LOG) {
                mulAddRun(work, start, start + len, len, logM);
            }
        }
        fftRec(work, k, pos, 0, keep, needed, skewDelta);
    }

    private void fftRec(char[] work, int k, int pos, int r, int size, int truncated, int skewDelta) {
        int dist = size >>> 1;
        if (dist == 0 || r >= truncated) {
            return;
        }
        int a = (pos + r) * k;
        fftButterflies(work, a, a + dist * k, dist * k, Gf16.SKEW[r + dist + skewDelta - 1]);
        fftRec(work, k, pos, r, dist, truncated, skewDelta);
        fftRec(work, k, pos, r + dist, dist, truncated, skewDelta);
    }

    private void ifftRec(char[] work, int k, int pos, int r, int size, int truncated, int skewDelta) {
        int dist = size >>> 1;
        if (dist == 0 || r >= truncated || r >= zeroFrom && r + size <= zeroTo
                || nonZeroBefore != null && nonZeroBefore[pos + r + size] == nonZeroBefore[pos + r]) {
            return;
        }
        ifftRec(work, k, pos, r, dist, truncated, skewDelta);
        ifftRec(work, k, pos, r + dist, dist, truncated, skewDelta);
        int a = (pos + r) * k;
        ifftButterflies(work, a, a + dist * k, dist * k, Gf16.SKEW[r + dist + skewDelta - 1]);
    }

    /** The forward butterflies {@code a ^= b·t; b ^= a} over runs {@code [a, a+len)} and {@code [b, b+len)}. */
    private void fftButterflies(char[] work, int a, int b, int len, int logM) {
        if (logM == Gf16.ZERO_LOG) {
            xorRun(work, b, a, len);
        } else if (len >= FULL_TABLE_THRESHOLD) {
            char[] t = fullTable(logM);
            for (int i = 0; i < len; i++) {
                int bv = work[b + i];
                int av = work[a + i] ^ t[bv];
                work[a + i] = (char) av;
                work[b + i] = (char) (bv ^ av);
            }
        } else if (len >= TABLE_THRESHOLD) {
            char[] l = lo;
            char[] h = hi;
            Gf16.mulTables(logM, l, h);
            for (int i = 0; i < len; i++) {
                int bv = work[b + i];
                int av = work[a + i] ^ l[bv & 0xFF] ^ h[bv >>> 8];
                work[a + i] = (char) av;
                work[b + i] = (char) (bv ^ av);
            }
        } else {
            mulAddRun(work, a, b, len, logM);
            xorRun(work, b, a, len);
        }
    }

    /** The inverse butterflies {@code b ^= a; a ^= b·t} over runs {@code [a, a+len)} and {@code [b, b+len)}. */
    private void ifftButterflies(char[] work, int a, int b, int len, int logM) {
        if (logM == Gf16.ZERO_LOG) {
            xorRun(work, b, a, len);
        } else if (len >= FULL_TABLE_THRESHOLD) {
            char[] t = fullTable(logM);
            for (int i = 0; i < len; i++) {
                int av = work[a + i];
                int bv = work[b + i] ^ av;
                work[b + i] = (char) bv;
                work[a + i] = (char) (av ^ t[bv]);
            }
        } else if (len >= TABLE_THRESHOLD) {
            char[] l = lo;
            char[] h = hi;
            Gf16.mulTables(logM, l, h);
            for (int i = 0; i < len; i++) {
                int av = work[a + i];
                int bv = work[b + i] ^ av;
                work[b + i] = (char) bv;
                work[a + i] = (char) (av ^ l[bv & 0xFF] ^ h[bv >>> 8]);
            }
        } else {
            xorRun(work, b, a, len);
            mulAddRun(work, a, b, len, logM);
        }
    }

    /** The product table {@code x -> x · α^logM} for every word, built by linearity from the 16 basis products. */
    private char[] fullTable(int logM) {
        char[] t = full;
        if (t == null) {
            t = full = new char[Gf16.ORDER];
        }
        for (int bit = 0; bit < 16; bit++) {
            int step = 1 << bit;
            char c = (char) Gf16.mulLog(step, logM);
            for (int j = 0; j < step; j++) {
                t[step + j] = (char) (t[j] ^ c);
            }
        }
        return t;
    }

    /** {@code work[x+i] ^= work[y+i]} for {@code i < len}. */
    static void xorRun(char[] work, int x, int y, int len) {
        for (int i = 0; i < len; i++) {
            work[x + i] ^= work[y + i];
        }
    }

    /** {@code work[x+i] ^= work[y+i] · α^logM} for {@code i < len}. */
    void mulAddRun(char[] work, int x, int y, int len, int logM) {
        if (len >= TABLE_THRESHOLD) {
            char[] l = lo;
            char[] h = hi;
            Gf16.mulTables(logM, l, h);
            for (int i = 0; i < len; i++) {
                int v = work[y + i];
                work[x + i] ^= (char) (l[v & 0xFF] ^ h[v >>> 8]);
            }
        } else {
            char[] log = Gf16.LOG;
            char[] exp = Gf16.EXP;
            for (int i = 0; i < len; i++) {
                int v = work[y + i];
                if (v != 0) {
                    work[x + i] ^= exp[Gf16.addMod(log[v], logM)];
                }
            }
        }
    }

    /** {@code work[x+i] = work[x+i] · α^logM} for {@code i < len}. */
    void mulRun(char[] work, int x, int len, int logM) {
        if (len >= TABLE_THRESHOLD) {
            char[] l = lo;
            char[] h = hi;
            Gf16.mulTables(logM, l, h);
            for (int i = 0; i < len; i++) {
                int v = work[x + i];
                work[x + i] = (char) (l[v & 0xFF] ^ h[v >>> 8]);
            }
        } else {
            for (int i = 0; i < len; i++) {
                work[x + i] = (char) Gf16.mulLog(work[x + i], logM);
            }
        }
    }

    /**
     * The formal derivative of a polynomial in the novel basis, in place on shards {@code [0, count)}:
     * {@code shard[i − w .. i) ^= shard[i .. i + w)} for {@code i = 1, 2, ..} with {@code w} the lowest set bit of
     * {@code i}. In this order it is depth-first (the first half, then the first half XOR the second, then the second
     * half), so the small widths run in cache.
     */
    static void formalDerivative(char[] work, int k, int count) {
        for (int i = 1; i < count; i++) {
            int width = Integer.lowestOneBit(i);
            xorRun(work, (i - width) * k, i * k, width * k);
        }
    }
}
