package io.jamboree.erasure.internal;

/**
 * The systematic Reed–Solomon code of GP 0.7.2 Appendix H.3 for {@code original} message words and
 * {@code total} code words per column (full: 342 of 1023; tiny: 2 of 6), over the work areas of {@link AdditiveFft}.
 *
 * <p>Message word {@code i} is the value at point {@code i} of the interpolating polynomial; recovery word
 * {@code j} (code word {@code original + j}) its value at the point {@code chunk + j}, where {@code chunk} is
 * {@code original} rounded up to a power of two: the message block is interpolated once over its
 * {@code chunk}-sized coset (zero-padded) and evaluated over the following cosets, chunk by chunk. The work areas
 * are {@link AdditiveFft}s of either storage form; positions below are shard indices in them.
 *
 * <p>Recovery (from any {@code original} code words) multiplies each received word by the error-locator
 * polynomial's value there (found with a Walsh–Hadamard transform of the logarithms), interpolates, takes the
 * formal derivative and evaluates; each missing message word is then the value divided by the locator's.
 *
 * <p>Immutable; the methods take their scratch as arguments or allocate it per call.
 */
final class ReedSolomon16 {
    private final int original;
    private final int recovery;
    private final int chunk;
    private final int encodeShards;

    ReedSolomon16(int original, int total) {
        if (original < 1 || total <= original) {
            throw new IllegalArgumentException("need 1 ≤ original < total, got " + original + " of " + total);
        }
        this.original = original;
        this.recovery = total - original;
        this.chunk = Integer.highestOneBit(original) == original ? original : Integer.highestOneBit(original) << 1;
        if (chunk + recovery > Gf16.ORDER) {
            throw new IllegalArgumentException("too many shards for GF(2^16): " + original + " of " + total);
        }
        this.encodeShards = (recovery + chunk - 1) / chunk * chunk;
    }

    int original() {
        return original;
    }

    int recovery() {
        return recovery;
    }

    /** Shards of the encoding work area (at least {@code chunk}). */
    int encodeShards() {
        return Math.max(encodeShards, chunk);
    }

    /** Shards of the recovery work area when recovery words {@code [0, usedRecovery)} may be among those received. */
    int decodeShards(int usedRecovery) {
        int d = chunk + Math.max(1, usedRecovery);
        return Integer.highestOneBit(d) == d ? d : Integer.highestOneBit(d) << 1;
    }

    /**
     * Work-area shards from this one on are never read by {@link #recoverScaled} (they need not be zeroed): the
     * last quarter of the area when it holds no received word, which the random-subset case of the full code
     * (recovery words up to about 680 of a 2048-shard area) always leaves empty.
     */
    int decodeShardsRead(int usedRecovery) {
        int d = decodeShards(usedRecovery);
        int half = d >>> 1;
        int q = half >>> 1;
        return q >= chunk && chunk + usedRecovery <= half + q ? half + q : d;
    }

    /**
     * Encodes in place: on entry shards {@code [0, original)} of {@code area} (of {@link #encodeShards()} shards)
     * hold the message columns (the rest is overwritten); on return shards {@code [0, recovery)} hold the recovery
     * columns.
     */
    void encode(AdditiveFft area) {
        area.zero(original, chunk);
        area.ifft(0, chunk, original, 0);
        for (int start = chunk; start < recovery; start += chunk) {
            area.copy(0, start, chunk);
        }
        for (int start = 0; start < recovery; start += chunk) {
            int count = Math.min(chunk, recovery - start);
            area.fft(start, chunk, count, start + chunk);
        }
    }

    /**
     * Recovers the message: {@code received[p]} says whether code word {@code p} is present, and then its column is
     * shard {@link #position(int) position(p)} of {@code area} (all other shards are ignored and overwritten). On
     * return shards {@code [0, original)} of {@code area} hold the message columns. Needs at least
     * {@code original} received code words. {@code locator} is scratch of {@code 2^16} words.
     *
     * <p>Only recovery words below {@code usedRecovery} may be received: the code is then decoded as the one with
     * {@code usedRecovery} recovery words (whose code words are a prefix of this one's, since every recovery chunk
     * is evaluated on its own), on a work area of {@link #decodeShards(int) decodeShards(usedRecovery)} shards.
     */
    void recover(WordShards area, boolean[] received, int usedRecovery, char[] locator) {
        locate(received, usedRecovery, locator);
        int recoveryEnd = chunk + usedRecovery;
        for (int i = 0; i < original; i++) {
            scaleOrClear(area, i, received[i], locator[i]);
        }
        area.zero(original, chunk);
        for (int j = 0; j < usedRecovery; j++) {
            scaleOrClear(area, chunk + j, received[original + j], locator[chunk + j]);
        }
        area.zero(recoveryEnd, Math.max(recoveryEnd, decodeShardsRead(usedRecovery)));
        recoverScaled(area, received, usedRecovery);
        for (int i = 0; i < original; i++) {
            if (!received[i]) {
                area.mul(i, Gf16.MODULUS - locator[i]);
            }
        }
    }

    /**
     * The first step of {@link #recover}: the logarithm of the error locator's value at every work-area shard
     * (into {@code locator}, {@code 2^16} words). Received shard {@code s} is to be multiplied by
     * {@code α^locator[s]}, and a recovered message word divided by it (times {@code α^(MODULUS - locator[i])}).
     */
    void locate(boolean[] received, int usedRecovery, char[] locator) {
        int recoveryEnd = chunk + usedRecovery;
        java.util.Arrays.fill(locator, original, chunk, (char) 0);
        for (int i = 0; i < original; i++) {
            locator[i] = received[i] ? 0 : (char) 1;
        }
        for (int j = 0; j < usedRecovery; j++) {
            locator[chunk + j] = received[original + j] ? 0 : (char) 1;
        }
        for (int i = recoveryEnd; i < Gf16.ORDER; i++) {
            locator[i] = 1;
        }
        // evaluate the error locator's logarithms at every point (Walsh–Hadamard convolution with LOG)
        Gf16.fwht(locator, Gf16.ORDER);
        char[] lw = Gf16.LOG_WALSH;
        for (int i = 0; i < Gf16.ORDER; i++) {
            int product = locator[i] * lw[i];
            locator[i] = (char) Gf16.addMod(product & 0xFFFF, product >>> 16);
        }
        Gf16.fwht(locator, Gf16.ORDER);
        int scale = thirdQuarterScale(usedRecovery);
        if (scale > 0) {
            // fold recoverScaled's product of the third quarter's IFFT into the scaling of its received words
            int logScale = Gf16.LOG[scale];
            int half = decodeShards(usedRecovery) >>> 1;
            for (int s = half; s < recoveryEnd; s++) {
                locator[s] = (char) Gf16.addMod(locator[s], logScale);
            }
        }
    }

    /**
     * When {@link #recoverScaled} splits its work area in quarters and the last one holds no received word, the
     * third quarter's IFFT enters the result times {@code 1 + t2 + t3} (see there): that factor, which {@link #locate}
     * folds into the scaling of the received words of that quarter (the IFFT is linear). {@code -1} when the area is
     * not split that way, and {@code 0} when the factor is zero (the quarter then does not count).
     */
    private int thirdQuarterScale(int usedRecovery) {
        int decodeShards = decodeShards(usedRecovery);
        int half = decodeShards >>> 1;
        int q = half >>> 1;
        if (q < chunk || decodeShardsRead(usedRecovery) == decodeShards) {
            return -1;
        }
        return Gf16.EXP[0] ^ quarterTwiddles(half, q);
    }

    /** {@code t2 + t3}: the twiddles of the first half's second level and of the second half's top (recoverScaled). */
    private static int quarterTwiddles(int half, int q) {
        return twiddle(q - 1) ^ twiddle(half + q - 1);
    }

    /**
     * The middle of {@link #recover}: on entry every received shard of the work area is already multiplied by its
     * locator value and every other shard of {@code [0, decodeShards(usedRecovery))} is zero; on return shards
     * {@code [0, original)} hold the missing message columns still to be multiplied by
     * {@code α^(MODULUS - locator[i])} (received ones are unspecified).
     */
    void recoverScaled(AdditiveFft area, boolean[] received, int usedRecovery) {
        int decodeShards = decodeShards(usedRecovery);
        int recoveryEnd = chunk + usedRecovery;
        // IFFT, formal derivative D, FFT of the first half. The top butterfly of the IFFT, (a, b) -> (a ^ t·(a ^ b),
        // a ^ b), and the top level of the FFT, which keeps only first ^= t·second, share the twiddle t, and D of
        // the whole is [D(first) ^ second, D(second)]; with D linear the first half comes out as D(a) ^ a ^ b, where
        // a and b are the IFFTs of the two halves: no top butterflies, and no D of the second half.
        int half = decodeShards >>> 1;
        int q = half >>> 1;
        // the IFFTs skip butterfly groups over shards that are all zero (not received, or padding)
        int[] nonZeroBefore = new int[decodeShards + 1];
        for (int s = 0; s < decodeShards; s++) {
            boolean present = s < original ? received[s]
                    : s >= chunk && s < recoveryEnd && received[original + s - chunk];
            nonZeroBefore[s + 1] = nonZeroBefore[s] + (present ? 1 : 0);
        }
        if (q < chunk) {
            area.ifftSparse(0, half, 0, nonZeroBefore);
            area.ifftSparse(half, half, half, nonZeroBefore);
            area.xor(half, 0, half);
            area.formalDerivative(half);
            area.xor(0, half, half);
            area.fftPrefix(0, half, chunk, original, 0);
        } else {
            // One level further: with A1, A2 the IFFTs of the first two quarters, B1, B2 of the last two, t2 the
            // twiddle of the first half's (and the FFT's) second level and t3 that of the second half's top, the
            // first quarter comes out as D(A1) ^ A2 ^ (B1 ^ (t2 + t3)·(B1 ^ B2)).
            area.ifftSparse(0, q, 0, nonZeroBefore);
            area.ifftSparse(q, q, q, nonZeroBefore);
            area.ifftSparse(half, q, half, nonZeroBefore);
            area.ifftSparse(half + q, q, half + q, nonZeroBefore);
            int scale = thirdQuarterScale(usedRecovery);
            if (scale < 0) {
                int sum = quarterTwiddles(half, q);
                area.xor(half + q, half, q);
                if (sum != 0) {
                    area.mulAdd(half, half + q, q, Gf16.LOG[sum]);
                }
            }
            area.formalDerivative(q);
            if (scale == 0) {
                area.xor(0, q, q);
            } else {
                // the last quarter received nothing: B2 = 0, and B1 ^ (t2 + t3)·B1 = (1 + t2 + t3)·B1 is already
                // in B1 (locate folded the factor into the scaling of its received words)
                area.xor2(0, q, half, q);
            }
            area.fftPrefix(0, q, chunk, original, 0);
        }
    }

    /** The field element of the additive FFT's twiddle {@code SKEW[index]} (0 for the zero marker). */
    private static int twiddle(int index) {
        int log = Gf16.SKEW[index];
        return log == Gf16.ZERO_LOG ? 0 : Gf16.EXP[log];
    }

    /** The work-area shard at which code word {@code p} sits for {@link #recover}. */
    int position(int p) {
        return p < original ? p : chunk + (p - original);
    }

    private static void scaleOrClear(WordShards area, int shard, boolean present, int logM) {
        if (present) {
            area.mul(shard, logM);
        } else {
            area.zero(shard, shard + 1);
        }
    }
}
