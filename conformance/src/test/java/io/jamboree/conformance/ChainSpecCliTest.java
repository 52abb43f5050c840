package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** {@code bin/jam gen-spec}, {@code jam import --chain FILE} and {@code jam key} of the packaged distribution. */
public class ChainSpecCliTest {
    private static final Path DIST = Path.of(System.getProperty("jamboree.dist", "../distribution/target/jamboree"));

    /** jam-docs genesis-config.md: the "Expected hash" of the dev genesis header it shows (author index 0xffff). */
    private static final String TINY_GENESIS_HASH = "0x2531a16fa6717458a12d8252381223aad7cd9f9a75e07adb3a413b8320da62bf";

    private record Run(int code, String out, String err) {}

    private static Run jam(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/jam").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        // read both streams while the process runs: a spec on stdout is larger than a pipe buffer
        var out = p.getInputStream();
        var err = p.getErrorStream();
        var errText = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                errText.completeExceptionally(e);
            }
        });
        t.start();
        String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jam " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), outText, errText.join());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": \"([0-9a-f]*)\"").matcher(json);
        assertTrue(name + " in " + json.substring(0, Math.min(300, json.length())), m.find());
        return m.group(1);
    }

    /** The header on stdout hashes (Blake2b-256, computed here) to the published tiny genesis hash. */
    @Test
    public void genSpecTinyHasThePublishedGenesisHash() throws Exception {
        Run r = jam("gen-spec", "--chain", "tiny");
        assertEquals(r.err, 0, r.code);
        byte[] header = Hex.decode(field(r.out, "genesis_header"));
        assertEquals(TINY_GENESIS_HASH, Hex.encode(Blake2b256.hash(header)));
        assertTrue(r.err, r.err.contains("genesis header hash " + TINY_GENESIS_HASH));
        assertTrue(r.out, r.out.startsWith("{\n  \"id\": \"jamboree-dev-tiny\""));
        // genesis-config.md's "All Specs" value for tiny: the same header with author index 0
        r = jam("gen-spec", "--chain", "tiny", "--genesis-author-index", "0");
        assertEquals(r.err, 0, r.code);
        assertEquals("0xe864d485113737c28c2fef3b2aed39cb2f289a369b15c54e9c44720bcfdc0ca0",
                Hex.encode(Blake2b256.hash(Hex.decode(field(r.out, "genesis_header")))));
    }

    /** A spec of the traces' genesis, then their blocks imported on it by the real importer. */
    @Test
    public void importFromAChainSpecGenesis() throws Exception {
        Path traces = Vectors.dir("jam-test-vectors-0.7.2/traces/fallback");
        Path spec = Files.createTempFile("fallback-spec-", ".json");
        try {
            Run g = jam("gen-spec", "--genesis", traces.resolve("genesis.bin").toString(), "-o", spec.toString());
            assertEquals(g.err, 0, g.code);
            List<String> args = new ArrayList<>(List.of("import", "--chain", spec.toString()));
            for (int i = 1; i <= 5; i++) {
                args.add(traces.resolve(String.format("%08d.bin", i)).toString());
            }
            Run r = jam(args.toArray(String[]::new));
            assertEquals(r.out + r.err, 0, r.code);
            assertTrue(r.out, r.out.strip().endsWith("5 passed, 0 failed"));
            Run bad = jam("import", "--chain", traces.resolve("00000001.json").toString());
            assertEquals(2, bad.code);
            assertTrue(bad.err, bad.err.contains("not a JIP-4 chain spec"));
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    @Test
    public void keyGenerateShowAndAWorldReadableFile() throws Exception {
        Path data = Files.createTempDirectory("jam-keys-");
        try {
            Run g = jam("key", "generate", "--data", data.toString());
            assertEquals(g.err, 0, g.code);
            List<Path> files;
            try (var s = Files.list(data.resolve("keys"))) {
                files = s.toList();
            }
            assertEquals(1, files.size());
            Path f = files.getFirst();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            String seed = field(Files.readString(f).replace("0x", ""), "seed");
            Run s = jam("key", "show", "--data", data.toString());
            assertEquals(s.err, 0, s.code);
            String ed = field(Files.readString(f).replace("0x", ""), "ed25519_public");
            assertTrue(s.out, s.out.contains("0x" + ed) && g.out.contains("0x" + ed));
            assertFalse("seed printed", (g.out + g.err + s.out + s.err).contains(seed));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            Run refused = jam("key", "show", "--data", data.toString());
            assertEquals(2, refused.code);
            assertTrue(refused.err, refused.err.contains("accessible by group or others (rw-r--r--)"));
        } finally {
            try (var w = Files.walk(data)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
