package io.jamboree.logging.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.LoggerFactory;

/**
 * The node's log levels, live: reads Config Admin PID {@value #PID} and sets the levels of the Logback loggers (the
 * SLF4J backend on the launcher's class path) whenever the configuration changes — from {@code
 * conf/config/io.jamboree.log.cfg} edited while the node runs (File Install), from {@code jam rpc jam_setLogLevel}, or
 * any Config Admin client. Keys: {@code level} the default (root) level; {@code level.PREFIX} or a bare logger name
 * prefix such as {@code io.jamboree.network} that logger and its children (a bundle's package covers the bundle).
 * Values: trace, debug, info, warn, error, off. A logger that leaves the configuration goes back to the level it had
 * before this component first set it (the launcher's, from {@code --log-level}).
 */
@Component(configurationPid = LogLevelsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public final class LogLevelsComponent {
    static final String PID = "io.jamboree.log";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LogLevelsComponent.class);
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    private final LoggerContext context;
    /** The level each logger this component set had before (null: inherited); the root under "". */
    private final Map<String, Level> before = new TreeMap<>();

    @Activate
    public LogLevelsComponent(Map<String, Object> config) {
        this(context(), config);
    }

    LogLevelsComponent(LoggerContext context, Map<String, Object> config) {
        this.context = context;
        apply(config);
    }

    private static LoggerContext context() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext c) {
            return c;
        }
        throw new IllegalStateException("the SLF4J backend is " + LoggerFactory.getILoggerFactory().getClass().getName()
                + ", not Logback: log levels cannot be changed");
    }

    @Modified
    void modified(Map<String, Object> config) {
        apply(config);
    }

    /** Back to the levels before this component: the configuration is gone or the node stops. */
    @Deactivate
    synchronized void deactivate() {
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

    private synchronized void apply(Map<String, Object> config) {
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
