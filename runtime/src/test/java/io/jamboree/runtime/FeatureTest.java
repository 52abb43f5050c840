package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class FeatureTest {
    @TempDir
    Path dir;

    /** A resolved feature as bnd-resolver-maven-plugin writes it (tab-indented continuation lines, quoted ranges). */
    private static final String RESOLVED = """
            -include="~/somewhere/features/top.bndrun"
            -runbundles: \\
            \tio.jamboree.core;version='[0.1.0,0.1.1)',\\
            \torg.apache.felix.scr;version='[2.2.18,2.2.19)',\\
            \tbcprov;version="[1.81.0,1.81.1)",\\
            \tio.jamboree.core;version='[0.1.0,0.1.1)',\\
            \tplain
            """;

    @Test
    void readsTheResolvedRunBundlesInOrderWithoutDuplicates() throws IOException {
        Files.writeString(dir.resolve("top.bndrun"), RESOLVED);
        Feature f = Feature.load(dir, "top");
        assertEquals("top", f.name());
        assertEquals(List.of("io.jamboree.core", "org.apache.felix.scr", "bcprov", "plain"), f.symbolicNames());
        assertTrue(f.bundles().get(0).versions().includes(new Version(0, 1, 0, "202612070151")));
        assertFalse(f.bundles().get(0).versions().includes(new Version(0, 1, 1)));
        assertTrue(f.bundles().get(2).versions().includes(new Version(1, 81, 0)));
        assertTrue(f.bundles().get(3).versions().includes(new Version(99, 0, 0)));
    }

    @Test
    void anUnresolvedFeatureIsReportedAsSuch() throws IOException {
        Files.writeString(dir.resolve("src.bndrun"), "-include: platform.bnd\n-runrequires.src: bnd.identity;id=x\n");
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "src"));
        assertTrue(e.getMessage().contains("not resolved"), e.getMessage());
    }

    @Test
    void aBadVersionRangeNamesFileAndEntry() throws IOException {
        Files.writeString(dir.resolve("bad.bndrun"), "-runbundles: a;version='[1.0,x)'\n");
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "bad"));
        assertTrue(e.getMessage().contains("bad.bndrun") && e.getMessage().contains("a;version"), e.getMessage());
    }

    @Test
    void unknownFeatureIsNamed() {
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "nope"));
        assertTrue(e.getMessage().contains("unknown feature 'nope'"), e.getMessage());
    }

    @Test
    void withAppendsTheMissingBundles() throws IOException {
        Files.writeString(dir.resolve("a.bndrun"), "-runbundles: x;version='[1,2)', y\n");
        Files.writeString(dir.resolve("b.bndrun"), "-runbundles: y, z\n");
        Feature ab = Feature.load(dir, "a").with("a+b", Feature.load(dir, "b"));
        assertEquals("a+b", ab.name());
        assertEquals(List.of("x", "y", "z"), ab.symbolicNames());
        assertEquals(List.of("a", "b"), Feature.names(dir));
    }

    @Test
    void jarsAreFoundByManifestNotByFileName() throws IOException {
        Path bundles = Files.createDirectory(dir.resolve("bundles"));
        Path core = jar(bundles.resolve("jam-core.jar"), "io.jamboree.core;singleton:=true", "0.1.0.202612070151");
        Path oldScr = jar(bundles.resolve("scr-old.jar"), "org.apache.felix.scr", "2.1.0");
        Path scr = jar(bundles.resolve("scr.jar"), "org.apache.felix.scr", "2.2.18");
        jar(bundles.resolve("not-a-bundle.jar"), null, null);
        Files.writeString(dir.resolve("top.bndrun"), "-runbundles: org.apache.felix.scr;version='[2.2.18,2.2.19)', io.jamboree.core;version='[0.1.0,0.1.1)'\n");
        assertEquals(List.of(scr, core), Feature.load(dir, "top").jars(bundles));
        assertTrue(Files.exists(oldScr));
    }

    @Test
    void aMissingJarNamesFeatureAndBundle() throws IOException {
        Path bundles = Files.createDirectory(dir.resolve("bundles"));
        jar(bundles.resolve("scr.jar"), "org.apache.felix.scr", "2.1.0");
        Files.writeString(dir.resolve("top.bndrun"), "-runbundles: org.apache.felix.scr;version='[2.2.18,2.2.19)', gone\n");
        IOException e = assertThrows(IOException.class, () -> Feature.load(dir, "top").jars(bundles));
        assertTrue(e.getMessage().contains("feature 'top'") && e.getMessage().contains("org.apache.felix.scr")
                && e.getMessage().contains("2.1.0"), e.getMessage());
        Files.writeString(dir.resolve("top.bndrun"), "-runbundles: gone\n");
        e = assertThrows(IOException.class, () -> Feature.load(dir, "top").jars(bundles));
        assertTrue(e.getMessage().contains("gone") && e.getMessage().contains("does not hold"), e.getMessage());
    }

    /** The repository's features/ holds only what each feature requires: no bundle list is kept by hand. */
    @Test
    void shippedFeaturesAreResolverInputs() throws IOException {
        Path features = Path.of("../features");
        List<Path> files;
        try (Stream<Path> s = Files.list(features)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".bndrun")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "features: " + files);
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".bndrun", "");
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
            assertFalse(p.containsKey(Feature.RUNBUNDLES), f + " lists its bundles by hand");
            assertTrue(p.containsKey("-runrequires." + name), f + " has no -runrequires." + name);
            assertTrue(p.containsKey("-include"), f + " includes neither platform.bnd nor another feature");
        }
        try (Stream<Path> s = Files.list(features)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".feature")).toList(), "hand-ordered feature lists");
        }
    }

    private static Path jar(Path file, String bsn, String version) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bsn != null) {
            m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
            m.getMainAttributes().putValue("Bundle-Version", version);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return file;
    }
}
