package io.jamboree.store;

import java.util.Arrays;
import java.util.HexFormat;

/** One key-value pair read from a table. The arrays are the caller's own copies. */
public record Entry(byte[] key, byte[] value) {
    public Entry {
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Entry[" + HexFormat.of().formatHex(key) + " -> " + value.length + " bytes]";
    }
}
