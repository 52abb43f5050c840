package io.jamboree.erasure.internal;

/**
 * The additive FFT over {@code GF(2^16)} in the novel polynomial basis (Lin, Chung and Han, the transform GP 0.7.2
 * Appendix H names), on a work area of shards, each an independent column transform per word position. The
 * recursion and its pruning live here; how a shard is stored and how a run of shards is multiplied is the
 * subclass's: {@link WordShards} keeps the words as they are (product tables), {@link BitslicedShards} keeps each
 * shard as sixteen bit planes (a product is a set of plane XORs).
 *
 * <p>A butterfly group {@code (r, dist)} pairs shards {@code r .. r+dist} with {@code r+dist .. r+2·dist}.
 * {@link #fft} evaluates a polynomial given by its coefficients at the {@code size} points of the coset selected
 * by {@code skewDelta}; {@link #ifft} interpolates. Both recurse depth-first, so once a sub-transform's shards fit
 * in the cache every remaining level runs there. {@code truncated} bounds the shards that matter: for
 * {@link #ifft}, shards from {@code truncated} on are zero; for {@link #fft}, outputs from there on are not needed.
 *
 * <p>Instances hold scratch and are not thread-safe.
 */
abstract sealed class AdditiveFft permits WordShards, BitslicedShards {
    private int[] nonZeroBefore;

    /** The forward butterflies {@code a ^= b·α^logM; b ^= a} over shards {@code [a, a+n)} and {@code [b, b+n)}. */
    abstract void fftButterflies(int a, int b, int n, int logM);

    /** The inverse butterflies {@code b ^= a; a ^= b·α^logM} over shards {@code [a, a+n)} and {@code [b, b+n)}. */
    abstract void ifftButterflies(int a, int b, int n, int logM);

    /**
     * Two forward levels over the quartets {@code (a+t, a+h+t, a+2h+t, a+3h+t)}, {@code t < h}: the butterflies of
     * the group {@code (a, 2h)} with twiddle {@code logT}, then those of its halves, {@code (a, h)} with
     * {@code logLeft} and, if {@code right}, {@code (a+2h, h)} with {@code logRight}. The result is that of the two
     * levels one after the other; a subclass may do them quartet by quartet, so each shard is fetched once for both.
     */
    void fftQuartets(int a, int h, int logT, int logLeft, int logRight, boolean right) {
        fftButterflies(a, a + 2 * h, 2 * h, logT);
        fftButterflies(a, a + h, h, logLeft);
        if (right) {
            fftButterflies(a + 2 * h, a + 3 * h, h, logRight);
        }
    }

    /**
     * The inverse of {@link #fftQuartets}' pattern: the halves' butterflies ({@code (a, h)} with {@code logLeft} if
     * {@code left}, {@code (a+2h, h)} with {@code logRight} if {@code right}; a half left out is all zero), then the
     * group's {@code (a, 2h)} with {@code logT}.
     */
    void ifftQuartets(int a, int h, int logT, int logLeft, int logRight, boolean left, boolean right) {
        if (left) {
            ifftButterflies(a, a + h, h, logLeft);
        }
        if (right) {
            ifftButterflies(a + 2 * h, a + 3 * h, h, logRight);
        }
        ifftButterflies(a, a + 2 * h, 2 * h, logT);
    }

    /** Shards {@code [x, x+n) ^= [y, y+n)}. */
    abstract void xor(int x, int y, int n);

    /** Shards {@code [x, x+n) ^= [y, y+n) ^ [z, z+n)} (in one pass where the storage allows). */
    abstract void xor2(int x, int y, int z, int n);

    /** Shards {@code [x, x+n) ^= [y, y+n) · α^logM}; {@code x == y} is allowed. */
    abstract void mulAdd(int x, int y, int n, int logM);

    /** Shards {@code [from, to)} set to zero. */
    abstract void zero(int from, int to);

    /** Shards {@code [from, from+n)} copied to {@code [to, to+n)} (not overlapping). */
    abstract void copy(int from, int to, int n);

    /** Forward transform of shards {@code [pos, pos+size)}; outputs from {@code pos+truncated} on are left unspecified. */
    final void fft(int pos, int size, int truncated, int skewDelta) {
        fftRec(pos, 0, size, truncated, skewDelta);
    }

    /** Inverse transform of shards {@code [pos, pos+size)} whose shards from {@code pos+truncated} on are zero. */
    final void ifft(int pos, int size, int truncated, int skewDelta) {
        this.nonZeroBefore = null;
        ifftRec(pos, 0, size, truncated, skewDelta);
    }

    /**
     * Inverse transform of shards {@code [pos, pos+size)} of which only some are non-zero:
     * {@code nonZeroBefore[s]} counts the non-zero shards below absolute shard {@code s}. Butterfly groups over
     * only zero shards are skipped (their outputs are zero).
     */
    final void ifftSparse(int pos, int size, int skewDelta, int[] nonZeroBefore) {
        this.nonZeroBefore = nonZeroBefore;
        ifftRec(pos, 0, size, size, skewDelta);
        this.nonZeroBefore = null;
    }

    /**
     * Forward transform keeping only the first {@code needed} outputs of the first {@code keep}, {@code keep} a power
     * of two at most {@code size}: the levels above the {@code keep}-sized block update only its half, which is what
     * recovery needs (it reads back only the original shards).
     */
    final void fftPrefix(int pos, int size, int keep, int needed, int skewDelta) {
        for (int dist = size >>> 1; dist >= keep; dist >>>= 1) {
            // groups r = 0 only: a ^= b·t, and b (outside the kept prefix) is never read again
            int logM = Gf16.SKEW[dist + skewDelta - 1];
            if (logM != Gf16.ZERO_LOG) {
                mulAdd(pos, pos + dist, dist, logM);
            }
        }
        fftRec(pos, 0, keep, needed, skewDelta);
    }

    /**
     * The formal derivative of a polynomial in the novel basis, in place on shards {@code [0, count)}:
     * {@code shard[i − w .. i) ^= shard[i .. i + w)} for {@code i = 1, 2, ..} with {@code w} the lowest set bit of
     * {@code i}. In this order it is depth-first (the first half, then the first half XOR the second, then the second
     * half), so the small widths run in cache.
     */
    final void formalDerivative(int count) {
        for (int i = 1; i < count; i++) {
            int width = Integer.lowestOneBit(i);
            xor(i - width, i, width);
        }
    }

    private void fftRec(int pos, int r, int size, int truncated, int skewDelta) {
        int dist = size >>> 1;
        if (dist == 0 || r >= truncated) {
            return;
        }
        if (dist == 1) {
            fftButterflies(pos + r, pos + r + 1, 1, Gf16.SKEW[r + skewDelta]);
            return;
        }
        // two levels at once: this group's butterflies and those of its two halves, quartet by quartet
        int half = dist >>> 1;
        boolean right = r + dist < truncated;
        fftQuartets(pos + r, half, Gf16.SKEW[r + dist + skewDelta - 1], Gf16.SKEW[r + half + skewDelta - 1],
                Gf16.SKEW[r + dist + half + skewDelta - 1], right);
        fftRec(pos, r, half, truncated, skewDelta);
        fftRec(pos, r + half, half, truncated, skewDelta);
        fftRec(pos, r + dist, half, truncated, skewDelta);
        fftRec(pos, r + dist + half, half, truncated, skewDelta);
    }

    private void ifftRec(int pos, int r, int size, int truncated, int skewDelta) {
        int dist = size >>> 1;
        if (dist == 0 || r >= truncated || allZero(pos + r, size)) {
            return;
        }
        if (dist == 1) {
            ifftButterflies(pos + r, pos + r + 1, 1, Gf16.SKEW[r + skewDelta]);
            return;
        }
        int half = dist >>> 1;
        ifftRec(pos, r, half, truncated, skewDelta);
        ifftRec(pos, r + half, half, truncated, skewDelta);
        ifftRec(pos, r + dist, half, truncated, skewDelta);
        ifftRec(pos, r + dist + half, half, truncated, skewDelta);
        boolean left = !allZero(pos + r, dist);
        boolean right = r + dist < truncated && !allZero(pos + r + dist, dist);
        ifftQuartets(pos + r, half, Gf16.SKEW[r + dist + skewDelta - 1], Gf16.SKEW[r + half + skewDelta - 1],
                Gf16.SKEW[r + dist + half + skewDelta - 1], left, right);
    }

    /** Whether shards {@code [from, from+n)} are known to be zero (only in {@link #ifftSparse}). */
    private boolean allZero(int from, int n) {
        return nonZeroBefore != null && nonZeroBefore[from + n] == nonZeroBefore[from];
    }
}
