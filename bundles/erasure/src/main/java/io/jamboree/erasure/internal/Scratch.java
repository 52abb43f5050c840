package io.jamboree.erasure.internal;

import java.lang.ref.SoftReference;

/**
 * Per-thread working memory of the erasure code: the transform (with its product tables), the error-locator array
 * and a work area that grows to the largest request seen (about 25 MB to recover a 4 MiB bundle with full
 * parameters). Held softly, so an idle thread's area can be reclaimed under memory pressure.
 */
final class Scratch {
    private static final ThreadLocal<SoftReference<Scratch>> CURRENT = new ThreadLocal<>();

    final AdditiveFft fft = new AdditiveFft();
    final char[] locator = new char[Gf16.ORDER];
    private char[] work = new char[0];

    private Scratch() {}

    /** This thread's scratch. */
    static Scratch get() {
        SoftReference<Scratch> ref = CURRENT.get();
        Scratch s = ref == null ? null : ref.get();
        if (s == null) {
            s = new Scratch();
            CURRENT.set(new SoftReference<>(s));
        }
        return s;
    }

    /** A work area of at least {@code words} words; its contents are unspecified. */
    char[] work(int words) {
        if (work.length < words) {
            work = new char[words];
        }
        return work;
    }
}
