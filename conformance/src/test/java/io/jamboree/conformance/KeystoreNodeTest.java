package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import io.jamboree.runtime.Feature;
import io.jamboree.runtime.LaunchConfig;
import io.jamboree.runtime.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The Keystore service of the distribution's {@code keystore} feature in Felix, configured as a launcher does
 * (PID io.jamboree.keystore): dev validators and a key folder; a launcher can wait for the configured service by
 * its properties. A key file that others may read keeps the service away.
 */
public class KeystoreNodeTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));
    private static final String KEYSTORE = "io.jamboree.keystore.Keystore";

    /** JIP-5's test vector with a non-trivial seed. */
    private static final String KEY_FILE = """
            {"seed": "0xf92d680ea3f0ac06307795490d8a03c5c0d4572b5e0a8cffec87e1294855d9d1",
             "ed25519_public": "0x11a695f674de95ff3daaff9a5b88c18448b10156bf88bc04200e48d5155c7243",
             "bandersnatch_public": "0x299bdfd8d615aadd9e6c58718f9893a5144d60e897bc9da1f3d73c935715c650"}
            """;

    private static Path home;

    @BeforeClass
    public static void home() throws Exception {
        home = Files.createTempDirectory("jamkeys");
        Files.createSymbolicLink(home.resolve("bundles"), DIST.resolve("bundles").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("features"), DIST.resolve("features").toAbsolutePath());
        Files.createDirectories(home.resolve("conf/config"));
    }

    @AfterClass
    public static void clean() {
        LaunchConfig.deleteTree(home);
    }

    private static Path keys(String name, String perms) throws Exception {
        Path dir = Files.createDirectories(home.resolve(name));
        Path f = dir.resolve("validator-11a695f674de95ff.json");
        Files.writeString(f, KEY_FILE);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return dir;
    }

    @Test
    public void devValidatorsAndAKeyFile() throws Exception {
        Path dir = keys("keys-ok", "rw-------");
        // the same filter form as below, where it must not match
        String filter = "(&(objectClass=" + KEYSTORE + ")(devValidators=0-5)(keysDir=" + LaunchConfig.ldapValue(dir.toString()) + "))";
        LaunchConfig launch = LaunchConfig.NONE.with("io.jamboree.keystore", "devValidators", "0-5")
                .with("io.jamboree.keystore", "keysDir", dir.toString()).awaiting(filter, "no keystore of dev validators 0-5");
        try (Node node = Node.start(home, Feature.load(home.resolve("features"), "keystore"), launch)) {
            assertEquals(java.util.List.of(), node.inactiveBundles());
            assertNull(node.awaitReady(60, TimeUnit.SECONDS));
            BundleContext ctx = node.framework().getBundleContext();
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(KEYSTORE, filter);
            assertNotNull(refs);
            assertEquals(1, refs.length);
            Object keystore = ctx.getService(refs[0]);
            // the service's own summary: six dev validators and the key file's (public keys only, never secrets)
            assertEquals("Keystore[7 validators]", keystore.toString());
            ctx.ungetService(refs[0]);
        }
    }

    @Test
    public void aWorldReadableKeyFileKeepsTheServiceAway() throws Exception {
        Path dir = keys("keys-open", "rw-r--r--");
        LaunchConfig launch = LaunchConfig.NONE.with("io.jamboree.keystore", "keysDir", dir.toString());
        try (Node node = Node.start(home, Feature.load(home.resolve("features"), "keystore"), launch)) {
            assertEquals(java.util.List.of(), node.inactiveBundles());
            String filter = "(&(objectClass=" + KEYSTORE + ")(keysDir=" + LaunchConfig.ldapValue(dir.toString()) + "))";
            assertEquals("no keystore with a readable key file", false, node.awaitMatch(filter, 5, TimeUnit.SECONDS));
        }
    }

    @Test
    public void aMissingKeysFolderNamedOnPurposeKeepsTheServiceAway() throws Exception {
        Path missing = home.resolve("no-such-keys");
        String filter = "(&(objectClass=" + KEYSTORE + ")(keysDir=" + LaunchConfig.ldapValue(missing.toString()) + "))";
        LaunchConfig launch = LaunchConfig.NONE.with("io.jamboree.keystore", "keysDir", missing.toString());
        try (Node node = Node.start(home, Feature.load(home.resolve("features"), "keystore"), launch)) {
            assertEquals(java.util.List.of(), node.inactiveBundles());
            assertEquals("no keystore over a missing folder", false, node.awaitMatch(filter, 5, TimeUnit.SECONDS));
        }
    }
}
