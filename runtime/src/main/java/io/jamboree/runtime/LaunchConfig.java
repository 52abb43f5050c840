package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a sub-command's options make of the node it boots: framework properties, Config Admin
 * configurations (PID → properties) and the services that show the configuration is applied.
 *
 * <p>Configurations reach Config Admin through Felix File Install before any Jamboree bundle starts:
 * {@link #writeConfigurations} writes one {@code PID.cfg} per PID into a fresh folder (each merged over the
 * node's own {@code conf/config/PID.cfg}, the option winning), which the launcher adds to
 * {@code felix.fileinstall.dir}. Each readiness entry is an LDAP filter over service properties that
 * matches once the component concerned runs with the new configuration (Declarative Services copies
 * configuration properties into the service properties).
 *
 * @param frameworkProperties framework properties overriding the defaults, e.g. {@code jamboree.data}
 * @param configurations Config Admin properties by PID
 * @param readiness LDAP service filter → what it shows, for the error when it does not match in time
 */
public record LaunchConfig(Map<String, String> frameworkProperties, Map<String, Map<String, String>> configurations,
        Map<String, String> readiness) {
    public static final LaunchConfig NONE = new LaunchConfig(Map.of(), Map.of(), Map.of());

    public LaunchConfig {
        frameworkProperties = Map.copyOf(frameworkProperties);
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        configurations.forEach((pid, props) -> c.put(pid, Map.copyOf(props)));
        configurations = java.util.Collections.unmodifiableMap(c);
        readiness = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(readiness));
    }

    /** A builder-style copy with one more configuration property. */
    public LaunchConfig with(String pid, String key, String value) {
        Map<String, Map<String, String>> c = new LinkedHashMap<>(configurations);
        Map<String, String> props = new LinkedHashMap<>(c.getOrDefault(pid, Map.of()));
        props.put(key, value);
        c.put(pid, props);
        return new LaunchConfig(frameworkProperties, c, readiness);
    }

    /** A copy with one more framework property. */
    public LaunchConfig withProperty(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(frameworkProperties);
        p.put(key, value);
        return new LaunchConfig(p, configurations, readiness);
    }

    /** A copy that also waits for a service matching {@code filter} ({@code what} names it in errors). */
    public LaunchConfig awaiting(String filter, String what) {
        Map<String, String> r = new LinkedHashMap<>(readiness);
        r.put(filter, what);
        return new LaunchConfig(frameworkProperties, configurations, r);
    }

    /**
     * Writes {@code PID.cfg} files into a new temporary folder, each merged over {@code confDir/PID.cfg} if
     * that exists; returns the folder (to delete with {@link #deleteTree}), or null if there is nothing to write.
     */
    public Path writeConfigurations(Path confDir) throws IOException {
        if (configurations.isEmpty()) {
            return null;
        }
        Path dir = Files.createTempDirectory("jamboree-config-");
        writeConfigurations(confDir, dir, 0);
        return dir;
    }

    /**
     * (Re)writes the {@code PID.cfg} files into {@code dir}. A positive {@code attempt} is recorded as property
     * {@value #ATTEMPT}, so that the rewritten files differ and File Install and Config Admin pass them on again.
     */
    public void writeConfigurations(Path confDir, Path dir, int attempt) throws IOException {
        for (Map.Entry<String, Map<String, String>> e : configurations.entrySet()) {
            Properties merged = new Properties();
            Path own = confDir.resolve(e.getKey() + ".cfg");
            if (Files.isRegularFile(own)) {
                try (InputStream in = Files.newInputStream(own)) {
                    merged.load(in);
                }
            }
            merged.putAll(new TreeMap<>(e.getValue()));
            if (attempt > 0) {
                merged.put(ATTEMPT, Integer.toString(attempt));
            }
            Path tmp = Files.createTempFile(dir.getParent(), "jamboree-cfg-", ".tmp"); // outside the watched folder
            try (OutputStream out = Files.newOutputStream(tmp)) {
                merged.store(out, "written by jam for this run; options override " + own);
            }
            Files.move(tmp, dir.resolve(e.getKey() + ".cfg"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Property marking a configuration rewritten because it had not taken effect (see {@link Node#awaitReady}). */
    public static final String ATTEMPT = "jamboree.launch.attempt";

    /** Deletes a folder and everything in it; quietly does nothing if it is null or gone. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Escapes a value for an LDAP filter (RFC 4515 special characters). */
    public static String ldapValue(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
