package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchConfigTest {
    /** An installation folder for path arithmetic only (nothing is read or written there): the JVM's temp folder. */
    private static final Path HOME = Path.of(System.getProperty("java.io.tmpdir"), "jamboree-home").toAbsolutePath();
    private static final Path CONF = HOME.resolve("conf").resolve("config");

    @TempDir
    Path conf;

    @Test
    void optionsAreMergedOverTheNodesOwnConfiguration() throws IOException {
        Files.writeString(conf.resolve("io.jamboree.store.cfg"), "kind=lmdb\nmapSizeGiB=8\n");
        Files.writeString(conf.resolve("io.jamboree.importer.cfg"), "chain=full\n");
        Files.writeString(conf.resolve("README.txt"), "not a configuration\n");
        LaunchConfig launch = LaunchConfig.NONE.with("io.jamboree.store", "kind", "memory").with("io.jamboree.pvm", "engine", "recompiler");

        List<PidConfiguration> all = launch.merge(conf, k -> null);

        assertEquals(List.of("io.jamboree.importer", "io.jamboree.store", "io.jamboree.pvm"),
                all.stream().map(PidConfiguration::pid).toList(), "files in name order, then the PIDs only options set");
        PidConfiguration importer = all.get(0);
        assertEquals(Map.of("chain", "full"), importer.properties());
        assertEquals(Optional.of(conf.resolve("io.jamboree.importer.cfg")), importer.file(), "no option: File Install owns it");
        PidConfiguration store = all.get(1);
        assertEquals(Map.of("kind", "memory", "mapSizeGiB", "8"), store.properties(), "the option wins, the node's other settings stay");
        assertEquals(Optional.empty(), store.file(), "an option sets it: not File Install's for this run");
        PidConfiguration pvm = all.get(2);
        assertEquals(Map.of("engine", "recompiler"), pvm.properties());
        assertEquals(Optional.empty(), pvm.file());
        assertFalse(store.factory());
    }

    @Test
    void factoryFilesAndVariables() throws IOException {
        Files.writeString(conf.resolve("io.example.feed-east.cfg"), "url=${jamboree.home}/feeds/${who}\nkeep=${unknown}\n");
        List<PidConfiguration> all = LaunchConfig.NONE.merge(conf, k -> switch (k) {
            case "jamboree.home" -> HOME.toString();
            case "who" -> "east";
            default -> null;
        });
        assertEquals(1, all.size());
        PidConfiguration feed = all.get(0);
        assertTrue(feed.factory());
        assertEquals("io.example.feed", feed.pid());
        assertEquals(Optional.of("east"), feed.name());
        assertEquals("io.example.feed~east", feed.label());
        assertEquals(Map.of("url", HOME + "/feeds/east", "keep", "${unknown}"), feed.properties());
    }

    @Test
    void missingConfFolderLeavesTheOptions() throws IOException {
        List<PidConfiguration> all = LaunchConfig.NONE.with("io.jamboree.pvm", "engine", "interpreter").merge(conf.resolve("absent"), k -> null);
        assertEquals(List.of(new PidConfiguration("io.jamboree.pvm", Optional.empty(), Map.of("engine", "interpreter"), Optional.empty())), all);
        assertEquals(List.of(), LaunchConfig.NONE.merge(conf.resolve("absent"), k -> null));
    }

    @Test
    void unreadableFileIsNamed() throws IOException {
        Files.writeString(conf.resolve("io.jamboree.pvm.cfg"), "engine=\\u00zz\n");
        IOException e = assertThrows(IOException.class, () -> LaunchConfig.NONE.merge(conf, k -> null));
        assertTrue(e.getMessage().contains("io.jamboree.pvm.cfg"), e.getMessage());
    }

    @Test
    void fileInstallFilterSkipsOnlyTheFilesOfOptionPids() {
        assertNull(LaunchConfig.NONE.fileInstallFilter());
        String filter = LaunchConfig.NONE.with("io.jamboree.store", "kind", "memory").with("io.jamboree.pvm", "engine", "recompiler")
                .fileInstallFilter();
        assertFalse(filter.contains("\\"), "Felix's property substitution would eat a backslash: " + filter);
        Pattern p = Pattern.compile(filter); // File Install's polling scanner matches the file name
        PathMatcher m = FileSystems.getDefault().getPathMatcher("regex:" + filter); // its NIO2 watcher, a path
        for (String skipped : List.of("io.jamboree.store.cfg", "io.jamboree.pvm.cfg")) {
            assertFalse(p.matcher(skipped).matches(), skipped);
            assertFalse(m.matches(CONF.resolve(skipped)), skipped);
        }
        for (String kept : List.of("io.jamboree.importer.cfg", "io.jamboree.storeX.cfg", "io.jamboree.store.cfg.bak", "xio.jamboree.pvm.cfg",
                "io.jamboree.store-a.cfg")) {
            assertTrue(p.matcher(kept).matches(), kept);
            assertTrue(m.matches(CONF.resolve(kept)), kept);
        }
        assertTrue(m.matches(CONF), "the watched folder itself");
    }

    @Test
    void fileInstallKeyIsTheFileUri() {
        assertEquals("file:" + CONF.resolve("a.cfg"), PidConfiguration.fileInstallKey(CONF.resolve("a.cfg")));
    }

    @Test
    void ldapValuesAreEscaped() {
        assertEquals("data/a\\(1\\)\\*\\\\x", LaunchConfig.ldapValue("data/a(1)*\\x"));
    }
}
