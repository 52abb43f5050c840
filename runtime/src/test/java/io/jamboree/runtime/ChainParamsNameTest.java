package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --chain tiny|full|FILE}: the parameter set of a chain spec file is read from V in its protocol parameters. */
class ChainParamsNameTest {
    @TempDir
    Path tmp;

    private Path spec(int v, int octets) throws IOException {
        byte[] p = new byte[octets];
        if (octets > 93) {
            p[92] = (byte) v;
            p[93] = (byte) (v >>> 8);
        }
        Path f = tmp.resolve("spec-" + v + "-" + octets + ".json");
        Files.writeString(f, "{\"id\": \"x\",\n  \"protocol_parameters\": \"" + HexFormat.of().formatHex(p) + "\"}");
        return f;
    }

    @Test
    void namesAndFiles() throws Exception {
        assertEquals("tiny", ChainParamsName.of("Tiny"));
        assertEquals("full", ChainParamsName.of("full"));
        assertNull(ChainParamsName.of("spec.json"));
        assertEquals("tiny", ChainParamsName.ofSpec(spec(6, 134)));
        assertEquals("full", ChainParamsName.ofSpec(spec(1023, 134)));
        IOException e = assertThrows(IOException.class, () -> ChainParamsName.ofSpec(spec(7, 134)));
        assertTrue(e.getMessage().contains("V=7"), e.getMessage());
        e = assertThrows(IOException.class, () -> ChainParamsName.ofSpec(spec(6, 138)));
        assertTrue(e.getMessage().contains("not a JIP-4 chain spec"), e.getMessage());
        e = assertThrows(IOException.class, () -> ChainParamsName.ofSpec(tmp.resolve("none.json")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
