package io.jamboree.runtime;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the node's configurations into Config Admin through its service API, from the launcher, before the
 * bundles that use them start. The package {@code org.osgi.service.cm} is on the launcher's class path and
 * exported by the system bundle, so the launcher and the Config Admin bundle share its classes.
 */
final class ConfigAdminLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminLoader.class);

    /** Bundle-SymbolicName of the Config Admin implementation the features ship. */
    static final String CONFIG_ADMIN_BUNDLE = "org.apache.felix.configadmin";

    /** Location binding of every configuration: "?" lets any bundle receive it (Config Admin 1.4+ multi-location). */
    private static final String ANY_BUNDLE = "?";

    private ConfigAdminLoader() {
    }

    /**
     * Starts {@code configAdmin}, waits for its {@link ConfigurationAdmin} service and creates or updates every
     * configuration of {@code all}. Config Admin registers its service while it starts, so the wait is for that
     * registration only, never for a configuration to take effect.
     *
     * @throws IOException if Config Admin does not start, does not register its service within
     *         {@code timeoutSeconds}, or refuses a configuration
     */
    static void load(BundleContext system, Bundle configAdmin, List<PidConfiguration> all, long timeoutSeconds)
            throws IOException, InterruptedException {
        try {
            configAdmin.start();
        } catch (BundleException e) {
            throw new IOException("Config Admin (" + configAdmin.getSymbolicName() + ") failed to start: " + e.getMessage(), e);
        }
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(system, ConfigurationAdmin.class, null);
        tracker.open();
        try {
            ConfigurationAdmin ca = tracker.waitForService(TimeUnit.SECONDS.toMillis(timeoutSeconds));
            if (ca == null) {
                throw new IOException("Config Admin registered no ConfigurationAdmin service within " + timeoutSeconds + " s");
            }
            for (PidConfiguration c : all) {
                Configuration conf = c.factory()
                        ? ca.getFactoryConfiguration(c.pid(), c.name().orElseThrow(), ANY_BUNDLE)
                        : ca.getConfiguration(c.pid(), ANY_BUNDLE);
                Hashtable<String, Object> props = new Hashtable<>(c.properties());
                c.file().ifPresent(f -> props.put(PidConfiguration.FILE_INSTALL_FILENAME, PidConfiguration.fileInstallKey(f)));
                conf.update(props);
                LOG.debug("configuration {} = {}{}", c.label(), c.properties(), c.file().map(f -> " (from " + f + ")").orElse(" (options)"));
            }
        } finally {
            tracker.close();
        }
    }
}
