package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchConfigTest {
    @TempDir
    Path conf;

    @Test
    void optionsAreMergedOverTheNodesOwnConfiguration() throws IOException {
        Files.writeString(conf.resolve("io.jamboree.store.cfg"), "kind=lmdb\nmapSizeGiB=8\n");
        LaunchConfig launch = LaunchConfig.NONE.with("io.jamboree.store", "kind", "memory").with("io.jamboree.pvm", "engine", "recompiler")
                .awaiting("(kind=memory)", "memory store");
        Path dir = launch.writeConfigurations(conf);
        try {
            Properties store = load(dir.resolve("io.jamboree.store.cfg"));
            assertEquals("memory", store.getProperty("kind"));
            assertEquals("8", store.getProperty("mapSizeGiB"), "the node's other settings stay");
            assertEquals("recompiler", load(dir.resolve("io.jamboree.pvm.cfg")).getProperty("engine"));
            assertNull(store.getProperty(LaunchConfig.ATTEMPT));

            launch.writeConfigurations(conf, dir, 2);
            assertEquals("2", load(dir.resolve("io.jamboree.store.cfg")).getProperty(LaunchConfig.ATTEMPT));
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of("io.jamboree.pvm.cfg", "io.jamboree.store.cfg"),
                        s.map(p -> p.getFileName().toString()).sorted().toList(), "only .cfg files in the watched folder");
            }
        } finally {
            LaunchConfig.deleteTree(dir);
        }
        assertFalse(Files.exists(dir));
        assertNull(LaunchConfig.NONE.writeConfigurations(conf));
    }

    @Test
    void ldapValuesAreEscaped() {
        assertEquals("/tmp/a\\(1\\)\\*\\\\x", LaunchConfig.ldapValue("/tmp/a(1)*\\x"));
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
        }
        return props;
    }
}
