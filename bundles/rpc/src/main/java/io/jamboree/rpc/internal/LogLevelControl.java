package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The {@code jam_setLogLevel [LOGGER, LEVEL]} method (not JIP-2): sets a logger's level in Config Admin PID
 * {@value #PID}, which the jam-logging bundle applies at once. {@code LOGGER} is a logger name prefix
 * ({@code io.jamboree.network}) or {@code root}; {@code LEVEL} trace, debug, info, warn, error, off, or
 * {@code inherit} to drop the entry. The change holds for this node until its {@code io.jamboree.log.cfg} file is
 * edited (it is not written to the file, which the nodes of a testnet share). Answers the levels now configured.
 */
final class LogLevelControl {
    static final String PID = "io.jamboree.log";
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off", "inherit");
    /** File Install's property naming the file a configuration came from. */
    private static final String FILE = "felix.fileinstall.filename";

    private final Supplier<Optional<ConfigurationAdmin>> configAdmin;

    LogLevelControl(Supplier<Optional<ConfigurationAdmin>> configAdmin) {
        this.configAdmin = configAdmin;
    }

    static LogLevelControl none() {
        return new LogLevelControl(Optional::empty);
    }

    JsonNode set(String logger, String level) {
        String l = level.strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new RpcError(RpcError.INVALID_PARAMS, "'" + level + "' is not a level (trace, debug, info, warn, error, off, inherit)");
        }
        String name = logger.strip();
        boolean root = name.equalsIgnoreCase("root") || name.equals("level");
        if (!root && !name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
            throw new RpcError(RpcError.INVALID_PARAMS, "'" + logger + "' is not a logger name prefix (e.g. io.jamboree.network) or root");
        }
        if (root && l.equals("inherit")) {
            throw new RpcError(RpcError.INVALID_PARAMS, "the root level cannot inherit");
        }
        ConfigurationAdmin ca = configAdmin.get().orElseThrow(() -> new RpcError(RpcError.INTERNAL_ERROR,
                "this node has no Config Admin: log levels cannot be changed"));
        try {
            Configuration c = ca.getConfiguration(PID, "?");
            Dictionary<String, Object> old = c.getProperties();
            Hashtable<String, Object> props = new Hashtable<>();
            if (old != null) {
                for (String k : Collections.list(old.keys())) {
                    props.put(k, old.get(k));
                }
            }
            props.remove(FILE); // this node only: File Install must not write it into the shared file
            String key = root ? "level" : name;
            props.remove("level." + name);
            if (l.equals("inherit")) {
                props.remove(key);
            } else {
                props.put(key, l);
            }
            c.update(props);
            ObjectNode out = JipTypes.JSON.objectNode();
            for (String k : new java.util.TreeSet<>(props.keySet())) {
                if (!k.startsWith("service.") && !k.startsWith("felix.")) {
                    out.put(k, String.valueOf(props.get(k)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
