package io.jamboree.stf.reports;

import io.jamboree.core.Hex;
import java.util.Arrays;
import java.util.Optional;

/** Names the first difference between two encodings, for the STF vector checks. */
public final class VectorDiff {

    private VectorDiff() {}

    /** Empty if equal, else a description naming {@code field}, the first differing offset and both windows. */
    public static Optional<String> compare(String field, byte[] expected, byte[] actual) {
        int i = Arrays.mismatch(expected, actual);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(field + " differs at octet " + i + " (expected " + expected.length + " octets, got "
                + actual.length + "): expected …" + window(expected, i) + "… got …" + window(actual, i) + "…");
    }

    private static String window(byte[] b, int at) {
        int from = Math.max(0, at - 4);
        int to = Math.min(b.length, at + 12);
        return from >= to ? "" : Hex.plain(Arrays.copyOfRange(b, from, to));
    }
}
