package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestnetCommandTest {
    @TempDir
    Path dir;

    private String err = "";

    /** Runs jam with {@code args}; what it printed on standard error is in {@link #err}. */
    private int run(String... args) {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return new CommandLine(new Jam()).execute(args);
        } finally {
            System.setErr(old);
            err = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }

    @Test
    void moreValidatorsThanTheTinyChainHasAreRefusedBeforeAnythingStarts() {
        assertEquals(2, run("--home", dir.toString(), "testnet", "--validators", "7", "--data", dir.resolve("t").toString()));
        assertTrue(err.contains("--validators must be 1..6"), err);
        assertEquals(2, run("--home", dir.toString(), "testnet", "--validators", "0", "--data", dir.resolve("t").toString()));
        assertEquals(2, run("--home", dir.toString(), "testnet", "--chain", "full", "--data", dir.resolve("t").toString()));
        assertEquals(2, run("--home", dir.toString(), "testnet", "--rpc-port", "65533", "--data", dir.resolve("t").toString()));
        assertFalse(Files.exists(dir.resolve("t").resolve(TestnetSetup.FILE)), "nothing written");
    }

    @Test
    void aTestnetOfOtherValidatorsOrSlotsIsNotResumed() throws IOException {
        Path t = Files.createDirectories(dir.resolve("t"));
        new TestnetSetup(2, 1000, 1_796_609_013_845L, List.of("ea", "eb")).write(t);
        assertEquals(2, run("--home", dir.toString(), "testnet", "--validators", "3", "--slot-ms", "1000", "--rpc-port",
                freePort(), "--data", t.toString()));
        assertTrue(err.contains("holds a testnet of 2 validators with 1000 ms slots"), err);
        assertEquals(2, run("--home", dir.toString(), "testnet", "--validators", "2", "--slot-ms", "2000", "--rpc-port",
                freePort(), "--data", t.toString()));
        assertTrue(err.contains("give --validators 2 --slot-ms 1000 to resume it"), err);
    }

    @Test
    void theSetupIsKeptForARestart() throws IOException {
        assertNull(TestnetSetup.read(dir));
        TestnetSetup s = new TestnetSetup(3, 1500, 1_796_609_013_845L, List.of("ea", "eb", "ec"));
        s.write(dir);
        assertEquals(s, TestnetSetup.read(dir));
        Files.writeString(dir.resolve(TestnetSetup.FILE), "validators=2\n");
        assertThrows(IOException.class, () -> TestnetSetup.read(dir));
    }
}
