package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a sub-command's options make of the node it boots: framework properties, Config Admin
 * configurations (PID → properties) and the services that show the configuration is applied.
 *
 * <p>The launcher puts every configuration into Config Admin itself, through its service, after Config
 * Admin and before any other bundle starts ({@link Node#start(Path, Feature, LaunchConfig)}): the node's
 * own {@code conf/config/*.cfg} merged with these options, the option winning ({@link #merge}). So the
 * components find their configuration when they first activate; nothing is left to timing. Each
 * readiness entry is an LDAP filter over service properties that matches once the component concerned
 * runs with the configuration (Declarative Services copies configuration properties into the service
 * properties); the launcher waits for these services before it calls the command.
 *
 * @param frameworkProperties framework properties overriding the defaults, e.g. {@code jamboree.data}
 * @param configurations Config Admin properties by PID, set by the command's options
 * @param readiness LDAP service filter → what it shows, for the error when it does not match in time
 */
public record LaunchConfig(Map<String, String> frameworkProperties, Map<String, Map<String, String>> configurations,
        Map<String, String> readiness) {
    public static final LaunchConfig NONE = new LaunchConfig(Map.of(), Map.of(), Map.of());

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

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
     * Every configuration of the node: each {@code confDir/*.cfg} file (Java properties syntax; a
     * {@code ${name}} in a value is replaced by {@code variables.apply(name)} unless that is null), with the
     * options of this launch merged over the file of the same PID, the option winning; then the PIDs that
     * only options set. Files are read in name order. A configuration that no option sets keeps its file
     * ({@link PidConfiguration#file()}), so Felix File Install, watching {@code confDir}, treats it as its own.
     *
     * @throws IOException if {@code confDir} exists but a file in it cannot be read
     */
    public List<PidConfiguration> merge(Path confDir, UnaryOperator<String> variables) throws IOException {
        List<PidConfiguration> out = new ArrayList<>();
        Map<String, Map<String, String>> pending = new LinkedHashMap<>(configurations);
        if (Files.isDirectory(confDir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(confDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".cfg") && Files.isRegularFile(p))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            }
            for (Path file : files) {
                String base = file.getFileName().toString();
                base = base.substring(0, base.length() - ".cfg".length());
                int dash = base.indexOf('-'); // File Install: FACTORYPID-NAME.cfg is a factory configuration
                String pid = dash < 0 ? base : base.substring(0, dash);
                Optional<String> name = dash < 0 ? Optional.empty() : Optional.of(base.substring(dash + 1));
                if (pid.isEmpty()) {
                    throw new IOException(file + ": the file name gives no configuration PID");
                }
                Map<String, String> props = new TreeMap<>(read(file, variables));
                Map<String, String> options = name.isEmpty() ? pending.remove(pid) : null;
                if (options != null) {
                    props.putAll(options);
                }
                out.add(new PidConfiguration(pid, name, props, options != null ? Optional.empty() : Optional.of(file)));
            }
        }
        pending.forEach((pid, props) -> out.add(new PidConfiguration(pid, Optional.empty(), new TreeMap<>(props), Optional.empty())));
        return out;
    }

    /**
     * A regular expression for Felix File Install's {@code felix.fileinstall.filter} that matches every file
     * but the {@code .cfg} files of the PIDs this launch's options set: for this run the options own those
     * PIDs, and File Install must not put the file's values back over them. Null if no option sets a PID.
     * It holds whether File Install matches it against the file's name or its whole path.
     */
    public String fileInstallFilter() {
        if (configurations.isEmpty()) {
            return null;
        }
        // no backslash anywhere: the framework's property substitution turns "\\" into "\" before File Install sees it
        StringBuilder sb = new StringBuilder("(?!(?:.*/)?(?:");
        String sep = "";
        for (String pid : configurations.keySet()) {
            sb.append(sep);
            for (int i = 0; i < pid.length(); i++) {
                char c = pid.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    sb.append(c);
                } else if (c == '\\' || c == '[' || c == ']' || c == '^') {
                    throw new IllegalArgumentException("configuration PID '" + pid + "' has a character File Install's filter cannot take: " + c);
                } else {
                    sb.append('[').append(c).append(']');
                }
            }
            sep = "|";
        }
        return sb.append(")[.]cfg$).*").toString();
    }

    private static Map<String, String> read(Path file, UnaryOperator<String> variables) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            out.put(key, substitute(p.getProperty(key), variables));
        }
        return out;
    }

    /** Replaces each {@code ${name}} in {@code value} whose variable is known; unknown ones stay as written. */
    static String substitute(String value, UnaryOperator<String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = variables.apply(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

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
