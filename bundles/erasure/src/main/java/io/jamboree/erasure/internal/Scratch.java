package io.jamboree.erasure.internal;

import java.lang.ref.SoftReference;

/**
 * Per-thread working memory of the erasure code: the two forms of work area (each with its tables, each growing to
 * the largest request seen: about 25 MB to recover a 4 MiB bundle with full parameters) and the error-locator
 * array. Held softly, so an idle thread's area can be reclaimed under memory pressure.
 */
final class Scratch {
    private static final ThreadLocal<SoftReference<Scratch>> CURRENT = new ThreadLocal<>();

    final WordShards words = new WordShards();
    final BitslicedShards bitsliced = new BitslicedShards();
    final char[] locator = new char[Gf16.ORDER];

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
}
