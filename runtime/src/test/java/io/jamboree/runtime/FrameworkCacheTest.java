package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrameworkCacheTest {
    @Test
    void eachCacheIsANewFolderAndClosingDeletesItWithItsContent() throws Exception {
        FrameworkCache a = FrameworkCache.create();
        FrameworkCache b = FrameworkCache.create();
        Path dir = a.dir();
        assertTrue(Files.isDirectory(dir));
        assertFalse(dir.equals(b.dir()));
        Files.createDirectories(dir.resolve("bundle1").resolve("version0.0"));
        Files.write(dir.resolve("bundle1").resolve("version0.0").resolve("bundle.jar"), new byte[] {1, 2, 3});
        a.close();
        assertFalse(Files.exists(dir));
        assertTrue(Files.isDirectory(b.dir()));
        b.close();
        assertFalse(Files.exists(b.dir()));
        a.close(); // twice is harmless
    }
}
