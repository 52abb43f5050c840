package io.jamboree.vectors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The erasure family runs every {@code erasure/tiny} and {@code erasure/full} vector, and notices a wrong shard. */
class ErasureFamilyTest {
    private final ErasureFamily family = new ErasureFamily(new AdditiveFftErasureCoding());

    private static Path erasure(String chain) {
        Path dir = VectorsFolder.path().resolve("jam-test-vectors-0.7.2/erasure").resolve(chain);
        assertTrue(Files.isDirectory(dir), "erasure vectors not found at " + dir + " (" + VectorsFolder.RULE + ")");
        return dir;
    }

    @Test
    void everyTinyAndFullVectorPasses() throws IOException {
        for (String chain : new String[] {"tiny", "full"}) {
            Path dir = erasure(chain);
            assertTrue(family.recognises(dir));
            VectorReport report = family.run(dir);
            assertEquals(6, report.results().size(), chain);
            for (VectorResult r : report.results()) {
                assertTrue(r.passed(), chain + "/" + r.id() + ": " + r.difference());
            }
        }
    }

    @Test
    void aChangedShardFails(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("erasure/tiny"));
        String json = Files.readString(erasure("tiny").resolve("ec-3.json"), StandardCharsets.UTF_8);
        // ec-3 tiny: data 0x615d17, shard 2 is 0x48c5
        assertTrue(json.contains("\"0x48c5\""));
        Files.writeString(dir.resolve("ec-3.json"), json.replace("\"0x48c5\"", "\"0x48c6\""), StandardCharsets.UTF_8);
        assertTrue(family.recognises(dir));
        VectorReport report = family.run(dir);
        assertEquals(1, report.results().size());
        VectorResult r = report.results().get(0);
        assertFalse(r.passed());
        assertTrue(r.difference().contains("shard 2"), r.difference());
    }

    @Test
    void otherFoldersAreNotErasure(@TempDir Path tmp) throws IOException {
        assertFalse(family.recognises(Files.createDirectories(tmp.resolve("codec/tiny"))));
        assertFalse(family.recognises(Files.createDirectories(tmp.resolve("erasure/huge"))));
    }
}
