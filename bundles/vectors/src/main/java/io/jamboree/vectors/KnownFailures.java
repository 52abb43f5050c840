package io.jamboree.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The vectors we knowingly fail, each with its reason: {@code known-failures.txt} in this bundle.
 * A line is {@code FAMILY/VECTOR-ID  reason}; {@code #} starts a comment. Tests print the list and
 * tolerate exactly these; {@code jam test-vectors} still counts them as failed.
 */
public final class KnownFailures {
    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    /** The list shipped in this bundle. */
    public static KnownFailures bundled() {
        try (InputStream in = KnownFailures.class.getResourceAsStream("/known-failures.txt")) {
            if (in == null) {
                throw new IllegalStateException("known-failures.txt is missing from the jam-vectors bundle");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownFailures parse(InputStream in) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int sp = t.indexOf(' ');
            if (sp < 0) {
                throw new IOException("known-failures.txt: a known failure needs a reason: '" + t + "'");
            }
            m.put(t.substring(0, sp), t.substring(sp).strip());
        }
        return new KnownFailures(m);
    }

    /** The reason {@code family/id} is a known failure, if it is one. */
    public Optional<String> reason(String family, String id) {
        return Optional.ofNullable(reasons.get(family + "/" + id));
    }

    /** Every entry, key {@code FAMILY/VECTOR-ID}, value the reason. */
    public Map<String, String> all() {
        return reasons;
    }
}
