package io.jamboree.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * A bundle jar of a node's {@code bundles/} folder, known by its manifest: the resolved features name bundles by
 * symbolic name and version, not by file name.
 *
 * @param symbolicName the Bundle-SymbolicName without its directives
 * @param version the Bundle-Version
 * @param file the jar
 */
record BundleJar(String symbolicName, Version version, Path file) {

    /**
     * Every bundle jar of {@code dir} by symbolic name, in file name order; jars that are not bundles are left out.
     *
     * @throws IOException if the folder or a jar cannot be read, or a manifest has a bad Bundle-Version
     */
    static Map<String, List<BundleJar>> index(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no bundle folder " + dir);
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
        Map<String, List<BundleJar>> out = new LinkedHashMap<>();
        for (Path jar : jars) {
            BundleJar b = read(jar);
            if (b != null) {
                out.computeIfAbsent(b.symbolicName(), k -> new ArrayList<>()).add(b);
            }
        }
        return out;
    }

    /** The bundle identity of {@code jar}, or null if it has no Bundle-SymbolicName. */
    static BundleJar read(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            Manifest m = j.getManifest();
            if (m == null) {
                return null;
            }
            Attributes a = m.getMainAttributes();
            String bsn = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null || bsn.isBlank()) {
                return null;
            }
            int semi = bsn.indexOf(';');
            String v = a.getValue(Constants.BUNDLE_VERSION);
            try {
                return new BundleJar((semi < 0 ? bsn : bsn.substring(0, semi)).strip(), v == null ? Version.emptyVersion : Version.parseVersion(v.strip()), jar);
            } catch (IllegalArgumentException e) {
                throw new IOException(jar + ": bad Bundle-Version '" + v + "'", e);
            }
        } catch (IOException e) {
            throw new IOException("cannot read the bundle " + jar + ": " + e.getMessage(), e);
        }
    }
}
