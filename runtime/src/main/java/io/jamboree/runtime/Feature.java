package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.osgi.framework.VersionRange;

/**
 * A named set of bundles: the {@code -runbundles} of {@code features/NAME.bndrun} as the bnd resolver wrote it
 * when the distribution was built. The source {@code features/NAME.bndrun} of the repository names only what the
 * feature wants ({@code -runrequires}); the resolver adds what those bundles need. Each entry is a bundle
 * symbolic name with the version range the resolver chose, e.g. {@code io.jamboree.core;version='[0.1.0,0.1.1)'};
 * {@link #jars(Path)} finds the jar of each in the node's {@code bundles/} folder.
 *
 * @param name the feature name
 * @param bundles the resolved bundles, in the order of the file, without duplicates
 */
public record Feature(String name, List<RunBundle> bundles) {
    /** The property of a resolved bndrun file that lists its bundles. */
    public static final String RUNBUNDLES = "-runbundles";

    public Feature {
        bundles = List.copyOf(bundles);
    }

    /**
     * One entry of {@code -runbundles}.
     *
     * @param symbolicName the Bundle-SymbolicName
     * @param versions the range of Bundle-Version the resolver chose ({@code [0.0.0,∞)} if the entry gives none)
     */
    public record RunBundle(String symbolicName, VersionRange versions) {
        @Override
        public String toString() {
            return symbolicName + ";version='" + versions + "'";
        }
    }

    /**
     * Reads the resolved feature {@code dir/NAME.bndrun}.
     *
     * @throws IOException if there is no such file, it cannot be read, or it was not resolved (no
     *         {@code -runbundles}: a source file of the repository's {@code features/}, not the distribution's)
     */
    public static Feature load(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".bndrun");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IOException("unknown feature '" + name + "': no file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        String runbundles = p.getProperty(RUNBUNDLES);
        if (runbundles == null || runbundles.isBlank()) {
            throw new IOException(file + " has no " + RUNBUNDLES + ": the feature is not resolved (the distribution build"
                    + " resolves features/*.bndrun into distribution/target/jamboree/features/)");
        }
        Map<String, RunBundle> out = new LinkedHashMap<>();
        for (String entry : splitOutsideQuotes(runbundles, ',')) {
            if (entry.isBlank()) {
                continue;
            }
            RunBundle b = parse(file, entry.strip());
            out.putIfAbsent(b.symbolicName(), b);
        }
        return new Feature(name, new ArrayList<>(out.values()));
    }

    /** This feature with the bundles of {@code other} that it lacks appended, named {@code name}. */
    public Feature with(String name, Feature other) {
        Map<String, RunBundle> all = new LinkedHashMap<>();
        bundles.forEach(b -> all.put(b.symbolicName(), b));
        other.bundles.forEach(b -> all.putIfAbsent(b.symbolicName(), b));
        return new Feature(name, new ArrayList<>(all.values()));
    }

    /** The bundle symbolic names, in order. */
    public List<String> symbolicNames() {
        return bundles.stream().map(RunBundle::symbolicName).toList();
    }

    /**
     * The jar of each bundle in {@code bundleDir} (any file name: matched by its manifest's symbolic name and a
     * version in the entry's range), in the feature's order.
     *
     * @throws IOException if a bundle has no jar there, naming the feature and the bundle
     */
    public List<Path> jars(Path bundleDir) throws IOException {
        Map<String, List<BundleJar>> index = BundleJar.index(bundleDir);
        List<Path> out = new ArrayList<>(bundles.size());
        for (RunBundle b : bundles) {
            Path found = null;
            for (BundleJar j : index.getOrDefault(b.symbolicName(), List.of())) {
                if (b.versions().includes(j.version())) {
                    found = j.file();
                    break;
                }
            }
            if (found == null) {
                List<BundleJar> other = index.getOrDefault(b.symbolicName(), List.of());
                throw new IOException("feature '" + name + "' needs the bundle " + b + ", which " + bundleDir
                        + (other.isEmpty() ? " does not hold" : " holds only in version " + other.stream().map(j -> j.version().toString()).toList()));
            }
            out.add(found);
        }
        return out;
    }

    /** The names of the resolved features in {@code dir}, sorted. */
    public static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bndrun"))
                    .map(n -> n.substring(0, n.length() - ".bndrun".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunBundle parse(Path file, String entry) throws IOException {
        List<String> parts = splitOutsideQuotes(entry, ';');
        String bsn = parts.getFirst().strip();
        if (bsn.isEmpty() || bsn.contains("=")) {
            throw new IOException(file + ": " + RUNBUNDLES + " entry without a bundle symbolic name: '" + entry + "'");
        }
        VersionRange range = new VersionRange("0.0.0");
        for (String attr : parts.subList(1, parts.size())) {
            int eq = attr.indexOf('=');
            if (eq > 0 && attr.substring(0, eq).strip().equals("version")) {
                String v = attr.substring(eq + 1).strip();
                if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
                    v = v.substring(1, v.length() - 1);
                }
                try {
                    range = new VersionRange(v);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": bad version range in " + RUNBUNDLES + " entry '" + entry + "': " + e.getMessage(), e);
                }
            }
        }
        return new RunBundle(bsn, range);
    }

    private static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
