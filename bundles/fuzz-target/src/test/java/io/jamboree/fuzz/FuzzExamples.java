package io.jamboree.fuzz;

import io.jamboree.core.vectors.VectorsFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recorded fuzz-proto sessions of the vectors (fuzz-proto/examples/0.7.2/{no_forks,forks}) under
 * the {@link VectorsFolder} folder; a missing folder fails the test.
 */
public final class FuzzExamples {
    /** The recorded sessions. */
    public static final List<String> SESSIONS = List.of("no_forks", "forks");

    private static final Pattern NAME = Pattern.compile("(\\d{8})_(fuzzer|target)_([a-z_]+)\\.bin");

    private FuzzExamples() {}

    /** One recorded message: step number, who sent it, the message kind (file name) and the bytes. */
    public record Recorded(int step, boolean fromFuzzer, String kind, Path file) {
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Path dir(String session) {
        Path base = VectorsFolder.path();
        Path d = base.resolve("fuzz-proto-0.7.2/fuzz-proto/examples/0.7.2").resolve(session);
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("fuzz-proto example folder missing: " + d);
        }
        return d;
    }

    /** Every .bin of a session, in step order, the fuzzer's request before the target's reply. */
    public static List<Recorded> messages(String session) {
        List<Recorded> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir(session))) {
            for (Path p : s.sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new Recorded(Integer.parseInt(m.group(1)), m.group(2).equals("fuzzer"), m.group(3), p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> a.step() != b.step() ? Integer.compare(a.step(), b.step())
                : Boolean.compare(b.fromFuzzer(), a.fromFuzzer()));
        if (out.isEmpty()) {
            throw new IllegalStateException("no recorded messages in " + dir(session));
        }
        return out;
    }

    /** Request/reply pairs of a session; fails if a step lacks either side. */
    public static List<Recorded[]> exchanges(String session) {
        List<Recorded> all = messages(session);
        List<Recorded[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 2) {
            Recorded req = all.get(i);
            Recorded rep = i + 1 < all.size() ? all.get(i + 1) : null;
            if (!req.fromFuzzer() || rep == null || rep.fromFuzzer() || rep.step() != req.step()) {
                throw new IllegalStateException("step " + req.step() + " of " + session + " lacks a request/reply pair");
            }
            out.add(new Recorded[] {req, rep});
        }
        return out;
    }
}
