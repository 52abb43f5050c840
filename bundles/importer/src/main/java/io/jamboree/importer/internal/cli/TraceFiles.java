package io.jamboree.importer.internal.cli;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a {@code jam import}: the genesis file (if any) and the trace steps in import order.
 * A folder contributes its {@code genesis.bin} (else {@code genesis.json}) and its step files sorted by
 * name; where a step exists as both {@code .bin} and {@code .json}, the {@code .bin} is used.
 *
 * @param genesis the first genesis file named or found, or null
 * @param steps the TraceStep files, in the order given (folders expanded in name order)
 */
record TraceFiles(Path genesis, List<Path> steps) {
    TraceFiles {
        steps = List.copyOf(steps);
    }

    /** Expands {@code paths}; a missing path or a folder without trace files is an error naming it. */
    static TraceFiles of(List<Path> paths) throws TraceFormatException {
        Path genesis = null;
        Set<Path> steps = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files = list(p);
                Path g = pick(files, true);
                if (g != null && genesis == null) {
                    genesis = g;
                }
                List<Path> found = stepsOf(files);
                if (found.isEmpty() && g == null) {
                    throw new TraceFormatException(p, "no trace files (.bin or .json) in this folder", null);
                }
                steps.addAll(found);
            } else if (Files.isRegularFile(p)) {
                if (!TraceFileReader.isTraceFile(p)) {
                    throw new TraceFormatException(p, "not a trace file (expected .bin or .json)", null);
                }
                if (TraceFileReader.isGenesis(p)) {
                    if (genesis == null) {
                        genesis = p;
                    }
                } else {
                    steps.add(p);
                }
            } else {
                throw new TraceFormatException(p, "no such file or folder", null);
            }
        }
        return new TraceFiles(genesis, new ArrayList<>(steps));
    }

    private static List<Path> list(Path dir) throws TraceFormatException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(TraceFileReader::isTraceFile).sorted().toList();
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(dir, "no such folder", e);
        } catch (IOException e) {
            throw new TraceFormatException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    /** The genesis file of a folder (binary preferred), or null. */
    private static Path pick(List<Path> files, boolean genesis) {
        Path json = null;
        for (Path f : files) {
            if (TraceFileReader.isGenesis(f) == genesis) {
                if (lower(f).endsWith(".bin")) {
                    return f;
                }
                json = f;
            }
        }
        return json;
    }

    /** Step files in name order; a .json is dropped when the .bin of the same name is present. */
    private static List<Path> stepsOf(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (TraceFileReader.isGenesis(f)) {
                continue;
            }
            String n = lower(f);
            if (n.endsWith(".json")) {
                String bin = f.getFileName().toString();
                bin = bin.substring(0, bin.length() - ".json".length()) + ".bin";
                if (files.contains(f.resolveSibling(bin))) {
                    continue;
                }
            }
            out.add(f);
        }
        return out;
    }

    private static String lower(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
