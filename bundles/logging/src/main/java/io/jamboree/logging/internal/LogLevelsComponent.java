package io.jamboree.logging.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.LoggerFactory;

/**
 * The node's log levels, live: reads Config Admin PID {@value #PID} and sets the levels of the Logback loggers (the
 * SLF4J backend on the launcher's class path) whenever the configuration changes — from {@code
 * conf/config/io.jamboree.log.cfg} edited while the node runs (File Install), from {@code jam log-level} (RPC
 * {@code jam_setLogLevel}), or any Config Admin client. Keys: {@code level} the default (root) level;
 * {@code level.PREFIX} or a bare logger name prefix such as {@code io.jamboree.network} that logger and its children
 * (a bundle's package covers the bundle). Values: trace, debug, info, warn, error, off. A logger that leaves the
 * configuration goes back to the level it had before this component first set it (the launcher's, from
 * {@code --log-level}). Where SLF4J's backend is not Logback (an embedding with another backend) the levels are left
 * alone, with one warning.
 */
@Component(configurationPid = LogLevelsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public final class LogLevelsComponent {
    static final String PID = "io.jamboree.log";

    /** The Logback levels; null when the backend is not Logback. */
    private final LogbackLevels levels;

    @Activate
    public LogLevelsComponent(Map<String, Object> config) {
        LogbackLevels l;
        try {
            l = LogbackLevels.ofSlf4j();
        } catch (IllegalStateException | LinkageError e) {
            LoggerFactory.getLogger(LogLevelsComponent.class).warn("log levels ({}) cannot change while the node runs: {}",
                    PID, e.toString());
            l = null;
        }
        levels = l;
        modified(config);
    }

    LogLevelsComponent(LogbackLevels levels, Map<String, Object> config) {
        this.levels = levels;
        modified(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        if (levels != null) {
            levels.apply(config);
        }
    }

    /** Back to the levels before this component: the configuration is gone or the node stops. */
    @Deactivate
    void deactivate() {
        if (levels != null) {
            levels.restore();
        }
    }
}
