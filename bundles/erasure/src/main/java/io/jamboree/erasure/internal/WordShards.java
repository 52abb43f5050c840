package io.jamboree.erasure.internal;

/**
 * An {@link AdditiveFft} work area of shards stored as their words: shard {@code p} is the {@code k} words
 * {@code work[p·k .. p·k + k)}, so a butterfly group is two contiguous runs of {@code dist·k} words and every pass
 * is a flat loop. The form for short shards (segments, small bundles); {@link BitslicedShards} is faster on long ones.
 *
 * <p>Multiplication by a butterfly's twiddle uses two 256-entry tables per group (GF(2)-linearity: 16 products
 * and XORs fill them) when the group is large; small groups multiply through the logarithm tables.
 */
final class WordShards extends AdditiveFft {
    /** Groups with fewer words than this multiply through {@code LOG}/{@code EXP} instead of building tables. */
    private static final int TABLE_THRESHOLD = 1024;

    /** Groups with at least this many words multiply through a full 64 Ki-entry product table. */
    private static final int FULL_TABLE_THRESHOLD = 1 << 16;

    private final char[] lo = new char[256];
    private final char[] hi = new char[256];
    private char[] full;
    private char[] work = new char[0];
    private int k;

    /** Binds a work area of {@code shards} shards of {@code k} words (grown as needed, contents unspecified). */
    WordShards bind(int shards, int k) {
        int words = shards * k;
        if (work.length < words) {
            work = new char[words];
        }
        this.k = k;
        return this;
    }

    /** The bound work area: shard {@code p} at {@code [p·k, p·k + k)}. */
    char[] work() {
        return work;
    }

    @Override
    void fftButterflies(int a, int b, int n, int logM) {
        fftButterflies(work, a * k, b * k, n * k, logM);
    }

    @Override
    void ifftButterflies(int a, int b, int n, int logM) {
        ifftButterflies(work, a * k, b * k, n * k, logM);
    }

    @Override
    void xor(int x, int y, int n) {
        xorRun(work, x * k, y * k, n * k);
    }

    @Override
    void xor2(int x, int y, int z, int n) {
        xorRun(work, x * k, y * k, n * k);
        xorRun(work, x * k, z * k, n * k);
    }

    @Override
    void mulAdd(int x, int y, int n, int logM) {
        mulAddRun(work, x * k, y * k, n * k, logM);
    }

    @Override
    void zero(int from, int to) {
        java.util.Arrays.fill(work, from * k, to * k, (char) 0);
    }

    @Override
    void copy(int from, int to, int n) {
        System.arraycopy(work, from * k, work, to * k, n * k);
    }

    /** Shard {@code s} multiplied in place by {@code α^logM}. */
    void mul(int s, int logM) {
        mulRun(work, s * k, k, logM);
    }

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
    private static void xorRun(char[] work, int x, int y, int len) {
        for (int i = 0; i < len; i++) {
            work[x + i] ^= work[y + i];
        }
    }

    /** {@code work[x+i] ^= work[y+i] · α^logM} for {@code i < len}. */
    private void mulAddRun(char[] work, int x, int y, int len, int logM) {
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
    private void mulRun(char[] work, int x, int len, int logM) {
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
}
