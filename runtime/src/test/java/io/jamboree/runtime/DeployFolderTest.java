package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/** The deploy/ folder on a real Felix framework: install, update, uninstall, bad jars left out. */
class DeployFolderTest {
    @TempDir
    Path tmp;

    private Framework felix;
    private DeployFolder deploy;
    private Path dir;

    @BeforeEach
    void start() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        felix = new Felix(config);
        felix.start();
        dir = Files.createDirectories(tmp.resolve("deploy"));
        deploy = new DeployFolder(felix.getBundleContext(), dir);
    }

    @AfterEach
    void stop() throws Exception {
        deploy.close();
        felix.stop();
        felix.waitForStop(10_000);
    }

    private static void bundleJar(Path jar, String bsn, String version, String importPackage) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, bsn);
        a.putValue(Constants.BUNDLE_VERSION, version);
        if (importPackage != null) {
            a.putValue(Constants.IMPORT_PACKAGE, importPackage);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    private Bundle find(String bsn) {
        for (Bundle b : felix.getBundleContext().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Two scans: a jar is taken once it stayed the same for one scan. */
    private void settle() {
        deploy.scan();
        deploy.scan();
    }

    @Test
    void jarsAtStartAreInstalledThenStarted() throws Exception {
        bundleJar(dir.resolve("a.jar"), "test.a", "1.0.0", null);
        var installed = deploy.installAll();
        assertEquals(1, installed.size());
        assertEquals(Bundle.INSTALLED, find("test.a").getState());
        deploy.startInstalled(installed);
        assertEquals(Bundle.ACTIVE, find("test.a").getState());
    }

    @Test
    void newChangedAndRemovedJarsWhileRunning() throws Exception {
        Path jar = dir.resolve("plugin.jar");
        bundleJar(jar, "test.plugin", "1.0.0", null);
        deploy.scan();
        assertNull(find("test.plugin"), "not taken before it stayed the same for one scan");
        deploy.scan();
        assertEquals(Bundle.ACTIVE, find("test.plugin").getState());

        bundleJar(jar, "test.plugin", "1.1.0", null);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        settle();
        assertEquals("1.1.0", find("test.plugin").getVersion().toString(), "updated in place");
        assertEquals(Bundle.ACTIVE, find("test.plugin").getState());

        Files.delete(jar);
        deploy.scan();
        assertNull(find("test.plugin"), "uninstalled with its jar");
    }

    @Test
    void badJarsAreLeftOutAndTheRestGoesOn() throws Exception {
        Files.write(dir.resolve("garbage.jar"), new byte[] {1, 2, 3});
        bundleJar(dir.resolve("unresolvable.jar"), "test.unresolvable", "1.0.0", "org.example.missing");
        bundleJar(dir.resolve("good.jar"), "test.good", "1.0.0", null);
        settle();
        assertNull(find("test.unresolvable"), "a bundle that cannot start is uninstalled again");
        Bundle good = find("test.good");
        assertNotNull(good);
        assertEquals(Bundle.ACTIVE, good.getState());
        assertEquals(Bundle.ACTIVE, felix.getState());
        settle();
        assertNull(find("test.unresolvable"), "and not retried until its jar changes");
        assertTrue(felix.getBundleContext().getBundles().length == 2, "the system bundle and test.good only");
    }
}
