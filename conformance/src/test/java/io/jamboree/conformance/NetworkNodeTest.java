package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jamboree.runtime.Feature;
import io.jamboree.runtime.LaunchConfig;
import io.jamboree.runtime.Node;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Two nodes of the distribution's {@code network} feature, each its own Felix framework with Netty's native QUIC
 * library, configured as a launcher does (PIDs io.jamboree.keystore and io.jamboree.network): dev validator 1 finds
 * dev validator 0 through its bootnode string over real QUIC on localhost, and both see each other.
 */
public class NetworkNodeTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final String NETWORK = "io.jamboree.network.Network";
    private static final String GENESIS = "0x2531a16f00000000000000000000000000000000000000000000000000000000";
    /** The published dns_alt_name of dev validators 0 (Alice) and 1 (Bob), jam-docs "Dev Accounts". */
    private static final String ALICE = "eecgwpgwq3noky4ijm4jmvjtmuzv44qvigciusxakq5epnrfj2utb";
    private static final String BOB = "en5ejs5b2tybkfh4ym5vpfh7nynby73xhtfzmazumtvcijpcsz6ma";

    private static Path home;

    @BeforeClass
    public static void home() throws Exception {
        home = Files.createTempDirectory("jamnet");
        Files.createSymbolicLink(home.resolve("bundles"), DIST.resolve("bundles").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("features"), DIST.resolve("features").toAbsolutePath());
        Files.createDirectories(home.resolve("conf/config"));
    }

    @AfterClass
    public static void clean() {
        LaunchConfig.deleteTree(home);
    }

    private static LaunchConfig launch(int dev, int port, String bootnodes) {
        return LaunchConfig.NONE.with("io.jamboree.keystore", "devValidators", Integer.toString(dev))
                .with("io.jamboree.network", "genesisHash", GENESIS)
                .with("io.jamboree.network", "listen", "127.0.0.1")
                .with("io.jamboree.network", "port", Integer.toString(port))
                .with("io.jamboree.network", "bootnodes", bootnodes)
                .awaiting("(objectClass=" + NETWORK + ")", "no Network service");
    }

    private static String summary(Node node) throws Exception {
        BundleContext ctx = node.framework().getBundleContext();
        // all references: jam-network is also on this test's class path (FinalityTest bundles a plugin against it), so
        // the system bundle's view of io.jamboree.network is not the framework bundle's and would filter the service out
        ServiceReference<?>[] refs = ctx.getAllServiceReferences(NETWORK, null);
        assertNotNull("no Network service", refs);
        Object network = ctx.getService(refs[0]);
        try {
            return network.toString();
        } finally {
            ctx.ungetService(refs[0]);
        }
    }

    @Test
    public void aNodeFindsAnotherThroughItsBootnodeString() throws Exception {
        int port;
        try (DatagramSocket free = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Feature feature = Feature.load(home.resolve("features"), "network");
        try (Node alice = Node.start(home, feature, launch(0, port, ""));
                Node bob = Node.start(home, feature, launch(1, 0, ALICE + "@127.0.0.1:" + port))) {
            assertEquals(java.util.List.of(), alice.inactiveBundles());
            assertEquals(java.util.List.of(), bob.inactiveBundles());
            assertEquals(null, alice.awaitReady(60, TimeUnit.SECONDS));
            assertEquals(null, bob.awaitReady(60, TimeUnit.SECONDS));
            assertTrue(summary(alice), summary(alice).startsWith("Network[" + ALICE + "@127.0.0.1:" + port + ","));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(summary(alice).endsWith(", 1 peers]") && summary(bob).endsWith(", 1 peers]"))) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("no connection: " + summary(alice) + " / " + summary(bob));
                }
                Thread.sleep(50);
            }
            assertTrue(summary(bob), summary(bob).startsWith("Network[" + BOB + "@127.0.0.1:"));
        }
    }
}
