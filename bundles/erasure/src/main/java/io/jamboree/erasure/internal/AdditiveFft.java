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

    /** Shards {@code [x, x+n) ^= [y, y+n)}. */
    abstract void xor(int x, int y, int n);

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
        fftButterflies(pos + r, pos + r + dist, dist, Gf16.SKEW[r + dist + skewDelta - 1]);
        fftRec(pos, r, dist, truncated, skewDelta);
        fftRec(pos, r + dist, dist, truncated, skewDelta);
    }

    private void ifftRec(int pos, int r, int size, int truncated, int skewDelta) {
        int dist = size >>> 1;
        if (dist == 0 || r >= truncated
                || nonZeroBefore != null && nonZeroBefore[pos + r + size] == nonZeroBefore[pos + r]) {
            return;
        }
        ifftRec(pos, r, dist, truncated, skewDelta);
        ifftRec(pos, r + dist, dist, truncated, skewDelta);
        ifftButterflies(pos + r, pos + r + dist, dist, Gf16.SKEW[r + dist + skewDelta - 1]);
    }
}
