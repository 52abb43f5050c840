package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deployment: the node's {@code deploy/} folder of plugin bundles. The jars there when the node starts are
 * installed and started with the feature's bundles; while the node runs, the folder is scanned every
 * {@code interval}: a new jar is installed and started, a changed jar updated, a removed jar's bundle stopped and
 * uninstalled (its services leave; the consumers fall back to another service of the same kind). A jar is taken
 * only once its size and modification time stayed the same for one scan, so a jar still being copied is not read
 * half-written. A jar that does not install or start is reported and left out; it never stops the node.
 *
 * <p>The bundles are installed from a copy of the jar's bytes (location {@code deploy:FILE}), so the file may be
 * replaced or deleted at any time.
 */
public final class DeployFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);

    /** Framework property: the folder watched (default: the node's {@code deploy/}). */
    public static final String DIR_PROPERTY = "jamboree.deploy";
    /** Framework property: milliseconds between two scans (default 1000; 0 or less: no watching after start). */
    public static final String INTERVAL_PROPERTY = "jamboree.deploy.interval";

    /** Size and modification time of a jar: the marks of a changed file. */
    private record Stamp(long size, long modified) {}

    /** A jar that was acted upon: its stamp then and its bundle (null if it failed to install or start). */
    private record Deployed(Stamp stamp, Bundle bundle) {}

    private final BundleContext system;
    private final Path dir;
    private final Map<Path, Deployed> deployed = new HashMap<>();
    private final Map<Path, Stamp> pending = new HashMap<>();
    private ScheduledExecutorService watcher;

    public DeployFolder(BundleContext system, Path dir) {
        this.system = system;
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Installs (without starting) every jar in the folder, as the node boots.
     *
     * @return the bundles installed, in file-name order, to be started with the feature's bundles by
     *     {@link #startInstalled(List)}
     */
    public synchronized List<Bundle> installAll() {
        List<Bundle> out = new ArrayList<>();
        for (Map.Entry<Path, Stamp> jar : jars().entrySet()) {
            Bundle b = install(jar.getKey());
            deployed.put(jar.getKey(), new Deployed(jar.getValue(), b));
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    /** Starts the bundles {@link #installAll()} installed; one that fails is reported and uninstalled. */
    public synchronized void startInstalled(List<Bundle> bundles) {
        for (Map.Entry<Path, Deployed> e : deployed.entrySet()) {
            Bundle b = e.getValue().bundle();
            if (b != null && bundles.contains(b) && !start(e.getKey(), b)) {
                e.setValue(new Deployed(e.getValue().stamp(), null));
            }
        }
    }

    /** Scans the folder every {@code intervalMillis} on a daemon thread until {@link #close()}. */
    public synchronized void watch(long intervalMillis) {
        if (intervalMillis <= 0 || watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jam-deploy");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                LOG.error("deploy: scanning {} failed: {}", dir, e.toString());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        LOG.debug("deploy: watching {} every {} ms", dir, intervalMillis);
    }

    /** One scan: installs new jars, updates changed ones, uninstalls the bundles of removed ones. */
    public synchronized void scan() {
        if (system.getBundle(0).getState() != Bundle.ACTIVE) {
            return; // the framework is starting or stopping
        }
        Map<Path, Stamp> now = jars();
        List<Bundle> refresh = new ArrayList<>();
        for (Path gone : new ArrayList<>(deployed.keySet())) {
            if (!now.containsKey(gone)) {
                Bundle b = deployed.remove(gone).bundle();
                if (b != null && uninstall(gone, b)) {
                    refresh.add(b);
                }
            }
        }
        pending.keySet().retainAll(now.keySet());
        for (Map.Entry<Path, Stamp> e : now.entrySet()) {
            Path jar = e.getKey();
            Stamp stamp = e.getValue();
            Deployed d = deployed.get(jar);
            if (d != null && d.stamp().equals(stamp)) {
                continue;
            }
            if (!stamp.equals(pending.put(jar, stamp))) {
                continue; // new or still changing: act when it stays the same for one scan
            }
            pending.remove(jar);
            if (d == null || d.bundle() == null) {
                Bundle b = install(jar);
                if (b != null && !start(jar, b)) {
                    b = null;
                }
                deployed.put(jar, new Deployed(stamp, b));
            } else {
                deployed.put(jar, new Deployed(stamp, update(jar, d.bundle())));
                refresh.add(d.bundle());
            }
        }
        if (!refresh.isEmpty()) {
            refreshAndWait(refresh);
        }
    }

    /**
     * Refreshes the changed bundles and waits (up to a minute) until the framework says the refresh is done, so that
     * when a scan returns an updated bundle is active again and a removed one is gone from the wiring.
     */
    private void refreshAndWait(List<Bundle> refresh) {
        CountDownLatch done = new CountDownLatch(1);
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        };
        system.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(refresh, listener);
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                LOG.warn("deploy: refreshing {} bundle(s) did not finish within 60 s", refresh.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }

    /** The jars in the folder with their stamps, by path (sorted); none if the folder does not exist. */
    private Map<Path, Stamp> jars() {
        Map<Path, Stamp> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        TreeSet<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            LOG.error("deploy: cannot list {}: {}", dir, e.toString());
            return out;
        }
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    out.put(f, new Stamp(a.size(), a.lastModifiedTime().toMillis()));
                }
            } catch (IOException e) {
                // removed between listing and reading: seen as gone at the next scan
            }
        }
        return out;
    }

    private Bundle install(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle b = system.installBundle("deploy:" + jar.getFileName(), in);
            LOG.info("deploy: installed {} {} from {}", b.getSymbolicName(), b.getVersion(), jar);
            return b;
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("deploy: cannot install {}: {}", jar, reason(e));
            return null;
        }
    }

    /** Starts {@code b}; if it fails, reports why and uninstalls it. */
    private boolean start(Path jar, Bundle b) {
        try {
            b.start();
            LOG.info("deploy: started {} {} ({})", b.getSymbolicName(), b.getVersion(), jar.getFileName());
            return true;
        } catch (BundleException | RuntimeException e) {
            LOG.error("deploy: cannot start {} from {}: {}; it is left out", b.getSymbolicName(), jar, reason(e));
            try {
                b.uninstall();
            } catch (BundleException | RuntimeException u) {
                LOG.warn("deploy: cannot uninstall {}: {}", b.getSymbolicName(), u.toString());
            }
            return false;
        }
    }

    private Bundle update(Path jar, Bundle b) {
        try (InputStream in = Files.newInputStream(jar)) {
            b.update(in);
            LOG.info("deploy: updated {} to {} from {}", b.getSymbolicName(), b.getVersion(), jar);
            return b;
        } catch (IOException | BundleException | RuntimeException e) {
            LOG.error("deploy: cannot update {} from {}: {}", b.getSymbolicName(), jar, reason(e));
            return b;
        }
    }

    private boolean uninstall(Path jar, Bundle b) {
        try {
            String name = b.getSymbolicName() + " " + b.getVersion();
            b.uninstall();
            LOG.info("deploy: {} removed: uninstalled {}", jar, name);
            return true;
        } catch (BundleException | RuntimeException e) {
            LOG.error("deploy: cannot uninstall {} ({} removed): {}", b.getSymbolicName(), jar, reason(e));
            return false;
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root == e ? "" : " (" + root + ")");
    }
}
