package io.jamboree.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.DevValidatorRange;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.KeystoreException;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.keystore.internal.cli.KeyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files: jam key generate/show round trip, owner-only permissions, refusal of readable files, no secret output. */
class KeyFileTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int key(String... args) {
        return new KeyCommand().run(List.of(args), out, err);
    }

    @Test
    void generateThenShowRoundTrip() throws Exception {
        assertEquals(0, key("generate", "--data", data.toString(), "--count", "2"), errBytes.toString());
        List<Path> files = KeyFile.list(data.resolve("keys"));
        assertEquals(2, files.size());
        String generated = outBytes.toString(StandardCharsets.UTF_8);
        outBytes.reset();
        assertEquals(0, key("show", "--data", data.toString()), errBytes.toString());
        String shown = outBytes.toString(StandardCharsets.UTF_8);
        for (Path f : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            ValidatorSecrets s = KeyFile.read(f);
            // the file is named after the Ed25519 key, and both outputs show the public keys, never the seed
            assertEquals("validator-" + Hex.plain(s.ed25519Public()).substring(0, 16) + ".json", f.getFileName().toString());
            assertTrue(generated.contains(Hex.encode(s.ed25519Public())), generated);
            assertTrue(shown.contains(Hex.encode(s.ed25519Public())), shown);
            assertTrue(shown.contains(Hex.encode(s.bandersnatchPublic())), shown);
            assertTrue(shown.contains(s.altName()), shown);
            String seed = seedOf(f);
            assertFalse(generated.contains(seed) || shown.contains(seed), "seed printed");
            assertFalse(s.toString().contains(seed), "seed in toString");
            // the file's seed derives the file's keys (JIP-5)
            assertArrayEquals(ValidatorSecrets.fromSeed(Hex.decode(seed)).ed25519Public(), s.ed25519Public());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys"))));
        Keystore ks = new KeystoreComponent("", data.resolve("keys"));
        assertEquals(2, ks.validators().size());
        assertTrue(ks.byEd25519(KeyFile.read(files.get(0)).ed25519()).isPresent());
    }

    @Test
    void refusesAWorldReadableKeyFile() throws Exception {
        Path f = KeyFile.write(data.resolve("keys"), DevKeys.secrets(3));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeyFile.read(f));
        assertTrue(e.getMessage().contains("accessible by group or others") && e.getMessage().contains("chmod 600"),
                e.getMessage());
        assertEquals(2, key("show", "--data", data.toString()));
        assertTrue(errBytes.toString().contains("rw-r--r--"), errBytes.toString());
        assertThrows(KeystoreException.class, () -> new KeystoreComponent("", data.resolve("keys")));
    }

    @Test
    void refusesAFileWhoseKeysAreNotItsSeeds() throws Exception {
        Path f = KeyFile.write(data.resolve("keys"), DevKeys.secrets(0));
        String alice = Hex.encode(DevKeys.secrets(0).ed25519Public());
        String bob = Hex.encode(DevKeys.secrets(1).ed25519Public());
        Files.writeString(f, Files.readString(f).replace(alice, bob));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeyFile.read(f));
        assertTrue(e.getMessage().contains("is not the key of its seed"), e.getMessage());
    }

    @Test
    void badJsonDoesNotEchoTheFile() throws Exception {
        Path f = KeyFile.write(data.resolve("keys"), DevKeys.secrets(7));
        String seed = seedOf(f);
        Files.writeString(f, "{\"seed\": \"" + seed + "\", oops");
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeyFile.read(f));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains(seed.substring(2, 20)), e.getMessage());
    }

    @Test
    void neverOverwrites() {
        KeyFile.write(data.resolve("keys"), DevKeys.secrets(2));
        KeystoreException e = assertThrows(KeystoreException.class, () -> KeyFile.write(data.resolve("keys"), DevKeys.secrets(2)));
        assertTrue(e.getMessage().contains("exists already"), e.getMessage());
    }

    @Test
    void devSelection() {
        Keystore ks = new KeystoreComponent("0-5", null);
        assertEquals(6, ks.validators().size());
        for (int i = 0; i < 6; i++) {
            assertEquals(DevKeys.secrets(i), ks.validators().get(i));
        }
        assertEquals(List.of(1L, 4L, 5L, 6L), DevValidatorRange.parse("1, 4-6").indices());
        assertEquals("1,4-6", DevValidatorRange.parse("1, 4-6").format());
        for (String bad : new String[] {"x", "3-1", "-2", "0-5000"}) {
            KeystoreException e = assertThrows(KeystoreException.class, () -> DevValidatorRange.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("dev validators '" + bad + "'"), e.getMessage());
        }
        assertEquals(0, key("show", "--dev", "0"));
        assertTrue(outBytes.toString().contains("Alice") && outBytes.toString().contains(
                "0x4418fb8c85bb3985394a8c2756d3643457ce614546202a2f50b093d762499ace"), outBytes.toString());
        assertEquals("Keystore[6 validators]", ks.toString());
    }

    @Test
    void badArguments() {
        assertEquals(2, key());
        assertEquals(2, key("generate"));
        assertTrue(errBytes.toString().contains("--data DIR is required"), errBytes.toString());
        assertEquals(2, key("generate", "--data", data.toString(), "--count", "0"));
        assertEquals(2, key("show", "--bogus", "1"));
        assertEquals(1, key("show", "--data", data.toString()));
        assertTrue(errBytes.toString().contains("no key files"), errBytes.toString());
    }

    private static String seedOf(Path f) throws Exception {
        Matcher m = Pattern.compile("\"seed\": \"(0x[0-9a-f]{64})\"").matcher(Files.readString(f));
        assertTrue(m.find());
        return m.group(1);
    }
}
