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
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running OSGi framework (Apache Felix) with the bundles of one {@link Feature} installed and
 * started. The node's home folder holds {@code bundles/}, {@code features/} and {@code conf/}.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    /** Packages the launcher shares with bundles through the system bundle. */
    public static final String SYSTEM_PACKAGES_EXTRA = systemPackagesExtra();

    private final Framework framework;
    private final long bootMillis;
    private final int bundleCount;
    private Path configDir;
    private Path confDir;
    private LaunchConfig launch = LaunchConfig.NONE;

    private Node(Framework framework, long bootMillis, int bundleCount) {
        this.framework = framework;
        this.bootMillis = bootMillis;
        this.bundleCount = bundleCount;
    }

    /**
     * Starts the feature with the framework properties and Config Admin configurations of {@code launch}
     * (written for Felix File Install beside {@code conf/config}, so they apply before the bundles start).
     */
    public static Node start(Path home, Feature feature, LaunchConfig launch) throws IOException {
        Path confDir = home.resolve("conf").resolve("config");
        Path dir = launch.writeConfigurations(confDir);
        Map<String, String> props = new HashMap<>(launch.frameworkProperties());
        if (dir != null) {
            props.put("felix.fileinstall.dir", confDir + "," + dir);
        }
        try {
            Node node = start(home, feature, props);
            node.configDir = dir;
            node.confDir = confDir;
            node.launch = launch;
            return node;
        } catch (IOException | RuntimeException e) {
            LaunchConfig.deleteTree(dir);
            throw e;
        }
    }

    /**
     * Starts Felix, installs the feature's bundles from {@code home/bundles} and starts them all.
     *
     * @param extraProperties framework properties that override the defaults (and {@code conf/node.properties})
     * @throws IOException if a bundle file is missing or a bundle fails to resolve or start
     */
    public static Node start(Path home, Feature feature, Map<String, String> extraProperties) throws IOException {
        Map<String, String> config = new HashMap<>();
        Path data = Path.of(System.getProperty("jamboree.data", home.resolve("data").toString()));
        config.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("jamboree-felix-").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES_EXTRA);
        config.put("felix.log.level", "1");
        config.put("jamboree.home", home.toString());
        config.put("jamboree.data", data.toString());
        config.put("felix.fileinstall.dir", home.resolve("conf").resolve("config").toString());
        config.put("felix.fileinstall.log.level", "1");
        config.put("felix.fileinstall.noInitialDelay", "true");
        Path nodeProps = home.resolve("conf").resolve("node.properties");
        if (Files.isRegularFile(nodeProps)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(nodeProps)) {
                p.load(in);
            }
            p.forEach((k, v) -> config.put(k.toString(), v.toString()));
        }
        config.putAll(extraProperties);

        Framework fw = new Felix(new HashMap<>(config));
        try {
            fw.init();
            List<Bundle> installed = new ArrayList<>();
            Path bundleDir = home.resolve("bundles");
            for (String artifact : feature.bundles()) {
                Path jar = bundleDir.resolve(artifact + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IOException("feature '" + feature.name() + "' needs " + jar + ", which does not exist");
                }
                installed.add(fw.getBundleContext().installBundle(jar.toUri().toString()));
            }
            fw.start();
            for (Bundle b : installed) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
            long boot = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.debug("started {} bundles of feature {}", installed.size(), feature.name());
            return new Node(fw, boot, installed.size());
        } catch (BundleException e) {
            stopQuietly(fw);
            throw new IOException("feature '" + feature.name() + "' failed to start: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            stopQuietly(fw);
            throw e;
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
     * Waits until every readiness filter of the launch configuration matches a service. Configurations that
     * have not taken effect after a few seconds are written again (with {@link LaunchConfig#ATTEMPT} raised):
     * under load, File Install or Declarative Services occasionally miss a configuration that exists
     * before Config Admin and SCR have found each other.
     *
     * @return the description of the first readiness condition still unmet at the timeout, or null if all are met
     */
    public String awaitReady(long timeout, TimeUnit unit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        int attempt = 0;
        while (true) {
            String unmet = null;
            for (Map.Entry<String, String> r : launch.readiness().entrySet()) {
                long left = Math.min(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(4));
                if (!awaitMatch(r.getKey(), Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    unmet = r.getValue() + " (no service matches " + r.getKey() + ")";
                    break;
                }
            }
            if (unmet == null || System.nanoTime() >= deadline) {
                return unmet;
            }
            if (configDir == null) {
                continue;
            }
            attempt++;
            LOG.info("configuration not applied yet ({}): writing it again", unmet);
            launch.writeConfigurations(confDir, configDir, attempt);
        }
    }

    /** Blocks until the framework stops (e.g. after {@code stop 0} in the shell). */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() {
        stopQuietly(framework);
        LaunchConfig.deleteTree(configDir);
    }

    private static void stopQuietly(Framework fw) {
        try {
            fw.stop();
            fw.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            LOG.warn("framework did not stop cleanly: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
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
        return "io.jamboree.runtime.spi;version=1.0.0,"
                + "org.slf4j;version=" + slf4j + ",org.slf4j.event;version=" + slf4j
                + ",org.slf4j.spi;version=" + slf4j + ",org.slf4j.helpers;version=" + slf4j;
    }
}
