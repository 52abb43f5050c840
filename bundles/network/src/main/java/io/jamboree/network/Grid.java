package io.jamboree.network;

/**
 * The grid of a validator set (JAMNP-S "Grid structure"): with {@code V} validators and width
 * {@code W = floor(sqrt(V))}, validator {@code i} sits in row {@code i / W} and column {@code i % W}. Validators of
 * one epoch are neighbours when they share a row or a column; validators of different epochs when they have the
 * same index.
 *
 * @param validators the number of validators {@code V}
 */
public record Grid(int validators) {
    public Grid {
        if (validators < 1) {
            throw new IllegalArgumentException("a grid needs at least one validator, got " + validators);
        }
    }

    /** {@code W = floor(sqrt(V))}. */
    public int width() {
        int w = (int) Math.sqrt(validators);
        while ((long) (w + 1) * (w + 1) <= validators) {
            w++;
        }
        while ((long) w * w > validators) {
            w--;
        }
        return w;
    }

    /** Whether distinct validators {@code a} and {@code b} of the same epoch are neighbours (same row or column). */
    public boolean neighbours(int a, int b) {
        check(a);
        check(b);
        int w = width();
        return a != b && (a / w == b / w || a % w == b % w);
    }

    /** Whether validator {@code a} of one epoch and {@code b} of another are neighbours (the same index). */
    public static boolean neighboursAcrossEpochs(int a, int b) {
        return a == b;
    }

    private void check(int i) {
        if (i < 0 || i >= validators) {
            throw new IndexOutOfBoundsException("validator " + i + " of " + validators);
        }
    }
}
