package io.jamboree.keystore.internal;

import io.jamboree.keystore.KeystoreException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses a dev validator selection: {@code "I"}, {@code "I-J"} (inclusive) or a comma-separated list of them. */
public final class DevValidatorRange {
    /** The most dev validators one selection may name (the full chain's V). */
    public static final int MAX = 1023;

    private DevValidatorRange() {}

    /** The indices in the order given, without repeats; empty for a blank selection. */
    public static List<Long> parse(String text) {
        Set<Long> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            long from;
            long to;
            try {
                if (dash < 0) {
                    from = to = Long.parseLong(p);
                } else {
                    from = Long.parseLong(p.substring(0, dash).trim());
                    to = Long.parseLong(p.substring(dash + 1).trim());
                }
            } catch (NumberFormatException e) {
                throw new KeystoreException("dev validators '" + text + "': '" + p + "' is not an index I or a range I-J");
            }
            if (from < 0 || to > 0xffff_ffffL || from > to) {
                throw new KeystoreException("dev validators '" + text + "': '" + p
                        + "' is not a range of unsigned 32-bit indices with I <= J");
            }
            if (to - from + 1 + out.size() > MAX) {
                throw new KeystoreException("dev validators '" + text + "': more than " + MAX + " validators");
            }
            for (long i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return new ArrayList<>(out);
    }
}
