package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Logging of the node: Logback (the SLF4J backend on the launcher's class path, shared with the bundles through the
 * system bundle) configured when {@code jam} starts, before any bundle creates a logger: one line per event on
 * standard error, {@value #PATTERN}; a default level and levels per logger name prefix (a bundle's package, e.g.
 * {@code io.jamboree.network}, covers its classes). From {@code conf/config/io.jamboree.log.cfg} (key {@code level}
 * for the default, any other key a logger prefix), then {@code --log-level LEVEL[,PREFIX=LEVEL...]}, which wins. The
 * same levels go into Config Admin (PID {@value #PID}, {@link #into}), where the jam-logging bundle applies every later
 * change while the node runs.
 */
final class LogLevels {
    /** The file, named like the Config Admin files of conf/config/ (PID io.jamboree.log). */
    static final String FILE = "io.jamboree.log.cfg";
    /** The system property that keeps the --log-level given, for commands that start other jam processes. */
    static final String GIVEN = "jamboree.logLevel";

    /** The Config Admin PID of the levels (the jam-logging bundle's component). */
    static final String PID = "io.jamboree.log";
    /** The line format: time, thread, level, the logger's short name, message (as slf4j-simple wrote it before). */
    static final String PATTERN = "%d{HH:mm:ss.SSS} [%thread] %level %logger{0} - %msg%n";

    private LogLevels() {}

    /**
     * Whether SLF4J's backend is Logback (as in the distribution). An embedding with another backend (the in-process
     * nodes of the tests run over slf4j-simple) has no Logback classes: then nothing here touches them, and levels
     * stay the backend's own.
     */
    static boolean logback() {
        return org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.");
    }

    /**
     * Sets Logback up (the format, standard error, the default level {@code info} or {@code debug} when
     * {@code verbose}), then applies the levels of the configuration file and of {@code --log-level} in {@code args}; a
     * bad one is reported on stderr.
     */
    static void configure(String[] args, boolean verbose) {
        if (logback()) {
            LogbackSetup.console(PATTERN, verbose ? "debug" : "info");
        }
        apply(args);
    }

    /** Applies the levels of the configuration file and of {@code --log-level} in {@code args}; a bad one is reported on stderr. */
    static void apply(String[] args) {
        String home = System.getProperty("jamboree.home");
        if (home != null) {
            Path f = Path.of(home, "conf", "config", FILE);
            if (Files.isRegularFile(f)) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(f)) {
                    p.load(in);
                    Map<String, String> levels = new LinkedHashMap<>();
                    for (String k : p.stringPropertyNames()) {
                        levels.put(k.equals("level") ? "" : k, p.getProperty(k).strip());
                    }
                    set(levels, f.toString());
                } catch (IOException | IllegalArgumentException e) {
                    System.err.println("jam: ignoring " + f + ": " + e.getMessage());
                }
            }
        }
        String given = given(args);
        if (given != null) {
            try {
                set(parse(given), "--log-level");
                System.setProperty(GIVEN, given);
            } catch (IllegalArgumentException e) {
                System.err.println("jam: ignoring --log-level: " + e.getMessage());
            }
        }
    }

    /** The value of {@code --log-level} in {@code args}, or null. */
    static String given(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-level") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--log-level=")) {
                return args[i].substring("--log-level=".length());
            }
        }
        return null;
    }

    /**
     * {@code LEVEL[,PREFIX=LEVEL...]} (or only prefixes) as prefix to level; the prefix "" is the default level.
     *
     * @throws IllegalArgumentException naming a bad level or entry
     */
    static Map<String, String> parse(String spec) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String prefix = eq < 0 ? "" : p.substring(0, eq).strip();
            String level = (eq < 0 ? p : p.substring(eq + 1)).strip();
            if (eq >= 0 && !prefix.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                throw new IllegalArgumentException("'" + prefix + "' is not a logger name prefix (e.g. io.jamboree.network)");
            }
            levels.put(prefix, level);
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no level given");
        }
        return levels;
    }

    private static void set(Map<String, String> levels, String source) {
        for (Map.Entry<String, String> e : levels.entrySet()) {
            String level = e.getValue().toLowerCase(Locale.ROOT);
            if (!level.matches("trace|debug|info|warn|error|off")) {
                throw new IllegalArgumentException(source + ": '" + e.getValue()
                        + "' is not a level (trace, debug, info, warn, error, off)");
            }
        }
        if (logback()) {
            LogbackSetup.levels(levels);
        }
    }

    /**
     * {@code launch} with the levels of {@code --log-level} (if given to this process) in configuration {@value #PID},
     * over the file's, so that jam-logging applies the same levels as the launcher did (the option winning).
     */
    static LaunchConfig into(LaunchConfig launch) {
        String given = System.getProperty(GIVEN);
        if (given == null) {
            return launch;
        }
        LaunchConfig out = launch;
        try {
            for (Map.Entry<String, String> e : parse(given).entrySet()) {
                out = out.with(PID, e.getKey().isEmpty() ? "level" : e.getKey(), e.getValue());
            }
        } catch (IllegalArgumentException e) {
            return launch; // reported at start
        }
        return out;
    }
}
