package io.jamboree.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * The levels of {@link LogLevelsComponent}'s configuration set on a Logback {@link LoggerContext}, remembering each
 * logger's level from before so that an entry leaving the configuration restores it. Only this class touches Logback.
 */
final class LogbackLevels {
    private static final String PID = LogLevelsComponent.PID;
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogLevelsComponent.class);
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private final LoggerContext context;
    /** The level each logger this component set had before (null: inherited); the root under "". */
    private final Map<String, Level> before = new TreeMap<>();

    LogbackLevels(LoggerContext context) {
        this.context = context;
    }

    /** Over SLF4J's backend; fails when that is not Logback. */
    static LogbackLevels ofSlf4j() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext c) {
            return new LogbackLevels(c);
        }
        throw new IllegalStateException("the SLF4J backend is " + LoggerFactory.getILoggerFactory().getClass().getName()
                + ", not Logback: log levels cannot be changed");
    }

    /** Back to the levels before this component: the configuration is gone or the node stops. */
    synchronized void restore() {
        for (Map.Entry<String, Level> e : before.entrySet()) {
            logger(e.getKey()).setLevel(e.getKey().isEmpty() && e.getValue() == null ? Level.INFO : e.getValue());
        }
        before.clear();
    }

    /**
     * The levels a configuration asks for: logger name ("" the root) to level; bad entries are logged and left out.
     */
    static Map<String, Level> levels(Map<String, Object> config) {
        Map<String, Level> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String key = e.getKey();
            String name;
            if (key.equals("level")) {
                name = "";
            } else if (key.startsWith("level.")) {
                name = key.substring("level.".length());
            } else if (key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                    || key.startsWith("osgi.") || key.startsWith(".")) {
                continue; // Config Admin's, DS's and File Install's own properties
            } else {
                name = key;
            }
            if (!name.isEmpty() && !name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                LOG.warn("log levels ({}): '{}' is not a logger name prefix (e.g. io.jamboree.network); ignored", PID, key);
                continue;
            }
            String value = String.valueOf(e.getValue()).strip().toLowerCase(java.util.Locale.ROOT);
            if (!LEVELS.contains(value)) {
                LOG.warn("log levels ({}): {}={} is not a level (trace, debug, info, warn, error, off); ignored", PID, key,
                        e.getValue());
                continue;
            }
            out.put(name, Level.toLevel(value));
        }
        return out;
    }

    synchronized void apply(Map<String, Object> config) {
        Map<String, Level> wanted = levels(config);
        StringBuilder changed = new StringBuilder();
        for (String name : java.util.List.copyOf(before.keySet())) {
            if (!wanted.containsKey(name)) {
                Level old = before.remove(name);
                Logger l = logger(name);
                l.setLevel(name.isEmpty() && old == null ? Level.INFO : old);
                changed.append(' ').append(label(name)).append('=').append(old == null ? "inherited" : old);
            }
        }
        for (Map.Entry<String, Level> e : wanted.entrySet()) {
            Logger l = logger(e.getKey());
            if (!before.containsKey(e.getKey())) {
                before.put(e.getKey(), l.getLevel());
            }
            if (l.getLevel() != e.getValue()) {
                l.setLevel(e.getValue());
                changed.append(' ').append(label(e.getKey())).append('=').append(e.getValue());
            }
        }
        if (!changed.isEmpty()) {
            LOG.info("log levels:{}", changed);
        }
    }

    private Logger logger(String name) {
        return context.getLogger(name.isEmpty() ? org.slf4j.Logger.ROOT_LOGGER_NAME : name);
    }

    private static String label(String name) {
        return name.isEmpty() ? "level" : name;
    }
}
