package io.jamboree.keystore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A selection of dev validators (JIP-5 dev keys, by index): written {@code "I"}, {@code "I-J"} (inclusive) or a
 * comma-separated list of them, e.g. {@code 0-2,5}. The one parser of {@code --dev-validators} and the keystore's
 * {@code devValidators} configuration.
 *
 * @param indices the indices in the order given, without repeats
 */
public record DevValidatorRange(List<Long> indices) {
    /** The most dev validators one selection may name (the full chain's V). */
    public static final int MAX = 1023;

    public DevValidatorRange {
        indices = List.copyOf(indices);
    }

    /**
     * The selection {@code text} names; empty for a blank text.
     *
     * @throws KeystoreException naming the bad part
     */
    public static DevValidatorRange parse(String text) {
        Set<Long> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return new DevValidatorRange(List.of());
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
        return new DevValidatorRange(new ArrayList<>(out));
    }

    /** The compact form {@link #parse} reads, ranges of consecutive indices joined, e.g. {@code 0-5,9}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < indices.size()) {
            int j = i;
            while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
                j++;
            }
            sb.append(sb.isEmpty() ? "" : ",").append(indices.get(i));
            if (j > i) {
                sb.append('-').append(indices.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** The selection of {@code indices}, in that order. */
    public static DevValidatorRange of(List<Integer> indices) {
        List<Long> l = new ArrayList<>(indices.size());
        for (int i : indices) {
            l.add((long) i);
        }
        return new DevValidatorRange(l);
    }
}
