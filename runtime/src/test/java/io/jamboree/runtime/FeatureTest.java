package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureTest {
    @TempDir
    Path dir;

    @Test
    void includesExpandInPlaceWithoutDuplicates() throws IOException {
        Files.writeString(dir.resolve("base.feature"), "# comment\ng:a\n\ng:b\n");
        Files.writeString(dir.resolve("top.feature"), "g:z\ninclude base\ng:a\ng:c\n");
        assertEquals(List.of("z", "a", "b", "c"), Feature.load(dir, "top").bundles());
    }

    @Test
    void cycleIsReported() throws IOException {
        Files.writeString(dir.resolve("x.feature"), "include y\n");
        Files.writeString(dir.resolve("y.feature"), "include x\n");
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "x"));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void badLineNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("bad.feature"), "g:a\nnot-a-coordinate\n");
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "bad"));
        assertTrue(e.getMessage().contains("bad.feature:2"), e.getMessage());
    }

    @Test
    void unknownFeatureIsNamed() {
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "nope"));
        assertTrue(e.getMessage().contains("unknown feature 'nope'"), e.getMessage());
    }

    @Test
    void shippedFeaturesParse() throws IOException {
        Path features = Path.of("../features");
        Feature core = Feature.load(features, "core");
        assertTrue(core.bundles().contains("jam-core"));
        assertTrue(Feature.load(features, "sample").bundles().containsAll(core.bundles()));
    }
}
