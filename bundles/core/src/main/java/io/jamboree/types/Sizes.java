package io.jamboree.types;

import io.jamboree.codec.CodecException;
import java.util.List;

/** Range and length checks shared by the type records (GP Appendix C fixed-length terms). */
final class Sizes {
    private Sizes() {}

    static <T> List<T> exactly(List<T> items, int n, String what) {
        if (items.size() != n) {
            throw new CodecException(what + " must have " + n + " elements, has " + items.size());
        }
        return items;
    }

    static <T> List<T> atMost(List<T> items, int n, String what) {
        if (items.size() > n) {
            throw new CodecException(what + " may have at most " + n + " elements, has " + items.size());
        }
        return items;
    }

    static long u32(long v, String what) {
        if ((v & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(what + " is not a u32: " + v);
        }
        return v;
    }

    static int u16(int v, String what) {
        if ((v & ~0xFFFF) != 0) {
            throw new IllegalArgumentException(what + " is not a u16: " + v);
        }
        return v;
    }

    static int u8(int v, String what) {
        if ((v & ~0xFF) != 0) {
            throw new IllegalArgumentException(what + " is not a u8: " + v);
        }
        return v;
    }
}
