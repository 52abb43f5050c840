package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jamboree.runtime.Feature;
import io.jamboree.runtime.LaunchConfig;
import io.jamboree.runtime.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.ServiceEvent;

import org.osgi.framework.ServiceReference;

/**
 * The launcher's configurations reach the components on their first activation, however loaded the
 * machine: the distribution's {@code importer} feature is booted {@value #BOOTS} times in this JVM while one
 * busy thread per core spins, with a {@code conf/config} that says one thing and options that say another.
 * Every registration and modification of the configured services is recorded from before the first bundle
 * starts; each must carry the configured value from the start (the option where one is given, the file
 * otherwise): a component that ever ran with another value, or needed a second try, fails the test.
 */
public class ConfigurationUnderLoadTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final int BOOTS = Integer.getInteger("jam.launch.boots", 20);

    /** Service → the property that shows its configuration and the value it must show. */
    private static final Map<String, String[]> EXPECTED = Map.of(
            "(objectClass=io.jamboree.store.ActiveStore)", new String[] {"kind", "memory"}, // option over the file's lmdb
            "(&(objectClass=io.jamboree.pvm.PvmEngine)(pvm.engine=active))", new String[] {"engine", "recompiler"}, // option over interpreter
            "(objectClass=io.jamboree.importer.BlockImporter)", new String[] {"chain", "full"}); // file only

    private static Path home;

    @BeforeClass
    public static void home() throws Exception {
        home = Files.createTempDirectory("jamcfg");
        Files.createSymbolicLink(home.resolve("bundles"), DIST.resolve("bundles").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("features"), DIST.resolve("features").toAbsolutePath());
        Path conf = Files.createDirectories(home.resolve("conf/config"));
        Files.writeString(conf.resolve("io.jamboree.store.cfg"), "kind=lmdb\nmapSizeGiB=1\npath=${jamboree.data}/lmdb\n");
        Files.writeString(conf.resolve("io.jamboree.pvm.cfg"), "engine=interpreter\n");
        Files.writeString(conf.resolve("io.jamboree.importer.cfg"), "chain=full\n");
    }

    @AfterClass
    public static void clean() {
        LaunchConfig.deleteTree(home);
    }

    @Test
    public void everyBootSeesTheConfigurationOnTheFirstTry() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread t = Thread.ofPlatform().daemon().name("busy-" + i).start(() -> {
                long x = 1;
                while (!done.get()) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                if (x == 42) {
                    System.out.print("");
                }
            });
            busy.add(t);
        }
        Feature importer = Feature.load(home.resolve("features"), "importer");
        LaunchConfig launch = LaunchConfig.NONE.with("io.jamboree.store", "kind", "memory").with("io.jamboree.pvm", "engine", "recompiler");
        for (Map.Entry<String, String[]> e : EXPECTED.entrySet()) {
            launch = launch.awaiting("(&" + e.getKey() + "(" + e.getValue()[0] + "=" + e.getValue()[1] + "))", e.getKey());
        }
        long slowest = 0;
        try {
            for (int boot = 1; boot <= BOOTS; boot++) {
                Path data = Files.createDirectories(home.resolve("data-" + boot));
                List<String> seen = Collections.synchronizedList(new ArrayList<>());
                List<String> wrong = Collections.synchronizedList(new ArrayList<>());
                AllServiceListener observer = event -> record(event, seen, wrong); // also services of classes the launcher cannot see
                long t0 = System.nanoTime();
                try (Node node = Node.start(home, importer, launch.withProperty("jamboree.data", data.toString()), observer)) {
                    assertEquals("boot " + boot + ": bundles not active", List.of(), node.inactiveBundles());
                    assertNull("boot " + boot, node.awaitReady(60, TimeUnit.SECONDS));
                    slowest = Math.max(slowest, System.nanoTime() - t0);
                    assertEquals("boot " + boot + ": a component ran with another value than configured; seen " + seen, List.of(), wrong);
                    for (String filter : EXPECTED.keySet()) {
                        assertTrue("boot " + boot + ": " + filter + " first registered " + seen,
                                seen.stream().anyMatch(s -> s.startsWith("REGISTERED " + filter)));
                    }
                }
            }
        } finally {
            done.set(true);
            for (Thread t : busy) {
                t.join();
            }
        }
        System.out.printf("%d boots under load (%d busy threads): configuration right on the first try every time; slowest boot %.1f s%n",
                BOOTS, busy.size(), slowest / 1e9);
    }

    private static void record(ServiceEvent event, List<String> seen, List<String> wrong) {
        if (event.getType() != ServiceEvent.REGISTERED && event.getType() != ServiceEvent.MODIFIED) {
            return;
        }
        ServiceReference<?> ref = event.getServiceReference();
        for (Map.Entry<String, String[]> e : EXPECTED.entrySet()) {
            try {
                if (!org.osgi.framework.FrameworkUtil.createFilter(e.getKey()).match(ref)) {
                    continue;
                }
            } catch (org.osgi.framework.InvalidSyntaxException x) {
                throw new IllegalStateException(x);
            }
            Object value = ref.getProperty(e.getValue()[0]);
            String line = (event.getType() == ServiceEvent.REGISTERED ? "REGISTERED " : "MODIFIED ") + e.getKey() + " "
                    + e.getValue()[0] + "=" + value;
            seen.add(line);
            if (!e.getValue()[1].equals(value)) {
                wrong.add(line);
            }
        }
    }
}
