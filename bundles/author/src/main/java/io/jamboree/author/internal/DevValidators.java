package io.jamboree.author.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Parses a dev validator selection: {@code I}, {@code I-J} or a comma-separated list of both, e.g. {@code 0-2,5}. */
public final class DevValidators {
    private DevValidators() {}

    /**
     * The indices named by {@code spec}, ascending and distinct.
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    public static List<Integer> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            try {
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 0 || to < from || to - from > 100_000) {
                    throw new IllegalArgumentException("bad dev validator range '" + p + "': use I or I-J with 0 <= I <= J");
                }
                for (int i = from; i <= to; i++) {
                    out.add(i);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad dev validator '" + p + "': use I, I-J or a comma-separated list");
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code indices} (ascending) in the compact form {@link #parse} reads, e.g. {@code 0-5,9}. */
    public static String format(List<Integer> indices) {
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
}
