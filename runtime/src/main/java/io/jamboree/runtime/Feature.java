package io.jamboree.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A named set of bundles, read from {@code features/NAME.feature}. Each non-comment line is either
 * {@code groupId:artifactId} (the bundle {@code bundles/artifactId.jar}) or {@code include OTHER}.
 * Bundles keep the order of first appearance; includes are expanded in place.
 *
 * @param name the feature name
 * @param bundles artifact ids, in start order, without duplicates
 */
public record Feature(String name, List<String> bundles) {

    public Feature {
        bundles = List.copyOf(bundles);
    }

    /** Reads a feature and everything it includes from {@code dir}. */
    public static Feature load(Path dir, String name) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        expand(dir, name, out, new ArrayList<>());
        return new Feature(name, new ArrayList<>(out));
    }

    private static void expand(Path dir, String name, Set<String> out, List<String> stack) throws IOException {
        if (stack.contains(name)) {
            throw new IOException("feature include cycle: " + String.join(" -> ", stack) + " -> " + name);
        }
        stack.add(name);
        Path file = dir.resolve(name + ".feature");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IOException("unknown feature '" + name + "': no file " + file, e);
        }
        int no = 0;
        for (String raw : lines) {
            no++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("include ")) {
                expand(dir, line.substring("include ".length()).strip(), out, stack);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon == line.length() - 1 || line.indexOf(':', colon + 1) >= 0) {
                throw new IOException(file + ":" + no + ": expected 'groupId:artifactId' or 'include NAME', got '" + line + "'");
            }
            out.add(line.substring(colon + 1));
        }
        stack.remove(stack.size() - 1);
    }
}
