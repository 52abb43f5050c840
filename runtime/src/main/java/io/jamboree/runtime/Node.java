package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OSGi framework (Apache Felix) with the bundles of one {@link Feature} installed and
 * started. The node's home folder holds {@code bundles/}, {@code features/} and {@code conf/}. The
 * launcher shares {@code org.osgi.service.cm} with the bundles (system packages) to configure them
 * through Config Admin before they start.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    /** Packages the launcher shares with bundles through the system bundle. */
    public static final String SYSTEM_PACKAGES_EXTRA = systemPackagesExtra();

    /** Seconds to wait for Config Admin to register its service after it started. */
    static final long CONFIG_ADMIN_TIMEOUT_SECONDS = 30;

    private final Framework framework;
    private final long bootMillis;
    private final int bundleCount;
    private final LaunchConfig launch;
    private final DeployFolder deploy;
    private final FrameworkCache cache;

    private Node(Framework framework, long bootMillis, int bundleCount, LaunchConfig launch, DeployFolder deploy,
            FrameworkCache cache) {
        this.cache = cache;
        this.framework = framework;
        this.bootMillis = bootMillis;
        this.bundleCount = bundleCount;
        this.launch = launch;
        this.deploy = deploy;
    }

    /** {@link #start(Path, Feature, LaunchConfig, ServiceListener)} without an observer. */
    public static Node start(Path home, Feature feature, LaunchConfig launch) throws IOException {
        return start(home, feature, launch, null);
    }

    /**
     * Starts Felix with the feature's bundles from {@code home/bundles}, configured before they start.
     *
     * <p>Order, with nothing left to timing: the framework starts with every bundle installed; Config Admin
     * starts first and the launcher puts every configuration into it through its service
     * ({@link LaunchConfig#merge}: {@code conf/config/*.cfg} with the options of {@code launch} merged over
     * them); only then do the other bundles start, in the feature's order (the resolved {@code -runbundles}), so Declarative Services and the
     * components find their configuration at their first activation, and after them the plugin jars of the
     * {@code deploy/} folder ({@link DeployFolder}), which is then watched while the node runs. Felix File Install, watching
     * {@code conf/config}, applies later edits of the files while the node runs, except for the files of PIDs
     * that options set (those stay as the options set them for this run).
     *
     * @param launch framework properties (over the defaults and {@code conf/node.properties}), configurations and readiness
     * @param observer if not null, added as a service listener on the system bundle before any bundle starts
     * @throws IOException if a bundle file is missing, a bundle fails to resolve or start, or a configuration
     *         cannot be put in place
     */
    public static Node start(Path home, Feature feature, LaunchConfig launch, ServiceListener observer) throws IOException {
        Map<String, String> config = new HashMap<>();
        Path data = Path.of(System.getProperty("jamboree.data", home.resolve("data").toString()));
        Path confDir = home.resolve("conf").resolve("config");
        // a cache folder of our own unless the launch names one (then it is the caller's to keep or delete)
        FrameworkCache cache = launch.frameworkProperties().containsKey(Constants.FRAMEWORK_STORAGE)
                ? null : FrameworkCache.create();
        if (cache != null) {
            config.put(Constants.FRAMEWORK_STORAGE, cache.dir().toString());
            config.put("felix.fileinstall.tmpdir", cache.dir().resolve("fileinstall").toString());
        }
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        config.put("felix.log.level", "1");
        config.put("jamboree.home", home.toString());
        config.put("jamboree.data", data.toString());
        config.put("felix.fileinstall.dir", confDir.toString());
        config.put("felix.fileinstall.log.level", "1");
        config.put("felix.fileinstall.noInitialDelay", "true");
        String filter = launch.fileInstallFilter();
        if (filter != null) {
            config.put("felix.fileinstall.filter", filter);
        }
        Path nodeProps = home.resolve("conf").resolve("node.properties");
        if (Files.isRegularFile(nodeProps)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(nodeProps)) {
                p.load(in);
            }
            p.forEach((k, v) -> config.put(k.toString(), v.toString()));
        }
        config.putAll(launch.frameworkProperties());
        List<PidConfiguration> configurations;
        try {
            configurations = LogLevels.into(launch) // --log-level: into PID io.jamboree.log too
                    .merge(confDir, k -> config.getOrDefault(k, System.getProperty(k)));
        } catch (IOException | RuntimeException e) {
            closeQuietly(cache);
            throw e;
        }

        Framework fw = new Felix(new HashMap<>(config));
        DeployFolder deploy = null;
        try {
            fw.init();
            BundleContext system = fw.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            Bundle configAdmin = null;
            for (Path jar : feature.jars(home.resolve("bundles"))) {
                Bundle b = system.installBundle(jar.toUri().toString());
                installed.add(b);
                if (ConfigAdminLoader.CONFIG_ADMIN_BUNDLE.equals(b.getSymbolicName())) {
                    configAdmin = b;
                }
            }
            deploy = new DeployFolder(system, Path.of(config.getOrDefault(DeployFolder.DIR_PROPERTY, home.resolve("deploy").toString())));
            List<Bundle> plugins = deploy.installAll();
            if (observer != null) {
                system.addServiceListener(observer);
            }
            fw.start();
            if (configAdmin != null) {
                ConfigAdminLoader.load(system, configAdmin, configurations, CONFIG_ADMIN_TIMEOUT_SECONDS);
            } else if (!configurations.isEmpty()) {
                throw new IOException("feature '" + feature.name() + "' has no Config Admin (" + ConfigAdminLoader.CONFIG_ADMIN_BUNDLE
                        + ") for the configurations " + configurations.stream().map(PidConfiguration::label).toList());
            }
            for (Bundle b : installed) {
                if (b != configAdmin && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
            deploy.startInstalled(plugins);
            deploy.watch(deployInterval(config.getOrDefault(DeployFolder.INTERVAL_PROPERTY, "1000")));
            long boot = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.debug("started {} bundles of feature {} and {} of {}", installed.size(), feature.name(), plugins.size(), deploy.dir());
            return new Node(fw, boot, installed.size(), launch, deploy, cache);
        } catch (BundleException e) {
            stopQuietly(fw, cache);
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IOException("feature '" + feature.name() + "' failed to start: " + e.getMessage()
                    + (root == e ? "" : " (" + root + ")"), e);
        } catch (InterruptedException e) {
            stopQuietly(fw, cache);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting feature '" + feature.name() + "'", e);
        } catch (IOException | RuntimeException e) {
            stopQuietly(fw, cache);
            throw e;
        } finally {
            if (deploy != null && fw.getState() != Bundle.ACTIVE) {
                deploy.close();
            }
        }
    }

    /** Milliseconds from JVM start until every bundle of the feature was started. */
    public long bootMillis() {
        return bootMillis;
    }

    public int bundleCount() {
        return bundleCount;
    }

    public Framework framework() {
        return framework;
    }

    /** Bundles that are not ACTIVE (fragments excepted), as "symbolicName (STATE)". */
    public List<String> inactiveBundles() {
        List<String> out = new ArrayList<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                out.add(b.getSymbolicName() + " (" + stateName(b.getState()) + ")");
            }
        }
        return out;
    }

    /**
     * Waits for a service of {@code type} matching the LDAP {@code filter} (may be null).
     *
     * @return the service, or null if none appeared within the timeout
     */
    public <T> T awaitService(Class<T> type, String filter, long timeout, TimeUnit unit) throws InterruptedException {
        String f = "(" + Constants.OBJECTCLASS + "=" + type.getName() + ")";
        if (filter != null) {
            f = "(&" + f + filter + ")";
        }
        try {
            ServiceTracker<T, T> tracker = new ServiceTracker<>(framework.getBundleContext(), FrameworkUtil.createFilter(f), null);
            tracker.open();
            return tracker.waitForService(unit.toMillis(timeout));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad service filter " + f, e);
        }
    }

    /**
     * The values of {@code property} among the registered services matching the LDAP {@code filter}, sorted and
     * without repeats (for messages that name what is available).
     */
    public List<String> propertyValues(String filter, String property) {
        try {
            ServiceReference<?>[] refs = framework.getBundleContext().getAllServiceReferences(null, filter);
            java.util.TreeSet<String> values = new java.util.TreeSet<>();
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    Object v = r.getProperty(property);
                    if (v != null) {
                        values.add(v.toString());
                    }
                }
            }
            return List.copyOf(values);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad service filter " + filter, e);
        }
    }

    /**
     * Waits until some service matches the LDAP {@code filter} (any object class).
     *
     * @return whether one did within the timeout
     */
    public boolean awaitMatch(String filter, long timeout, TimeUnit unit) throws InterruptedException {
        try {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), FrameworkUtil.createFilter(filter), null);
            tracker.open(true);
            try {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                while (tracker.getServiceReference() == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    Thread.sleep(Math.min(20, Math.max(1, left / 1_000_000)));
                }
                return true;
            } finally {
                tracker.close();
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad service filter " + filter, e);
        }
    }

    /**
     * Waits until every readiness filter of the launch configuration matches a service. The configurations are
     * in Config Admin before the components start, so this waits only for Declarative Services to activate the
     * components (which it does on its own threads); a filter that never matches is a real error.
     *
     * @return the description of the first readiness condition still unmet at the timeout, or null if all are met
     */
    public String awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Map.Entry<String, String> r : launch.readiness().entrySet()) {
            if (!awaitMatch(r.getKey(), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return r.getValue() + " (no service matches " + r.getKey() + ")";
            }
        }
        return null;
    }

    /** Blocks until the framework stops (e.g. after {@code stop 0} in the shell). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** The watched folder of plugin jars. */
    public Path deployFolder() {
        return deploy.dir();
    }

    @Override
    public void close() {
        deploy.close();
        stopQuietly(framework, cache);
    }

    private static void closeQuietly(FrameworkCache cache) {
        if (cache != null) {
            cache.close();
        }
    }

    /** Stops the framework and then deletes its cache folder (if it is ours). */
    private static void stopQuietly(Framework fw, FrameworkCache cache) {
        try {
            fw.stop();
            fw.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            LOG.warn("framework did not stop cleanly: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            closeQuietly(cache);
        }
    }

    private static long deployInterval(String value) throws IOException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException(DeployFolder.INTERVAL_PROPERTY + " must be a number of milliseconds, not '" + value + "'", e);
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "state " + state;
        };
    }

    private static String systemPackagesExtra() {
        String slf4j = Version.property("slf4j.version");
        String logback = Version.property("logback.version");
        return "io.jamboree.runtime.spi;version=1.0.0,"
                + "org.osgi.service.cm;version=" + Version.property("osgi.cm.version") + ","
                + "ch.qos.logback.classic;version=" + logback + ",ch.qos.logback.core;version=" + logback + ","
                + "org.slf4j;version=" + slf4j + ",org.slf4j.event;version=" + slf4j
                + ",org.slf4j.spi;version=" + slf4j + ",org.slf4j.helpers;version=" + slf4j;
    }
}
