package io.jamboree.conformance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Memory soak of the packaged fuzz target (issue #11): starts {@code bin/jam fuzz-target} with its default
 * JVM options, replays a recorded fuzz-proto session over its Unix socket again and again (one connection per
 * replay: PeerInfo, Initialize, the imports), until at least the requested number of requests has been
 * answered, and samples the target's resident set ({@code VmRSS} of {@code /proc/PID/status}) every few
 * seconds. Every reply is checked against the recorded one (state roots byte-exact; {@code error} by
 * variant; PeerInfo by its variant). Prints the samples and the figures; exits 1 if a reply differs or the
 * kernel's peak ({@code VmHWM}) exceeds the limit.
 *
 * <p>Not a test (it runs for minutes). Only JDK classes, so it runs from its source file, no build needed:
 * <pre>
 * java conformance/src/test/java/io/jamboree/conformance/FuzzSoak.java \
 *     distribution/target/jamboree/bin/jam $JAM_VECTORS/fuzz-proto-0.7.2/fuzz-proto/examples/0.7.2/no_forks 100000
 * </pre>
 * Arguments: the {@code jam} script, the session folder ({@code NNNNNNNN_fuzzer_*.bin} requests, unframed,
 * and {@code NNNNNNNN_target_*.bin} replies), the number of requests (default 100000), the limit in MiB
 * (default 512), the sampling period in seconds (default 5). Extra {@code jam} JVM options go in
 * {@code JAM_JAVA_OPTS} as usual.
 */
public final class FuzzSoak {
    private FuzzSoak() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FuzzSoak JAM_SCRIPT SESSION_DIR [REQUESTS=100000] [LIMIT_MIB=512] [SAMPLE_SECONDS=5]");
            System.exit(2);
        }
        Path jam = Path.of(args[0]);
        Path session = Path.of(args[1]);
        long wanted = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        long limitMiB = args.length > 3 ? Long.parseLong(args[3]) : 512;
        long periodMillis = (args.length > 4 ? Long.parseLong(args[4]) : 5) * 1000;

        List<byte[]> requests = new ArrayList<>();
        List<byte[]> replies = new ArrayList<>();
        try (Stream<Path> s = Files.list(session)) {
            for (Path req : s.filter(p -> p.getFileName().toString().matches("\\d{8}_fuzzer_.*\\.bin")).sorted().toList()) {
                String step = req.getFileName().toString().substring(0, 8);
                try (Stream<Path> t = Files.list(session)) {
                    Path reply = t.filter(p -> p.getFileName().toString().matches(step + "_target_.*\\.bin")).findFirst()
                            .orElseThrow(() -> new IOException("no reply recorded for " + req));
                    requests.add(Files.readAllBytes(req));
                    replies.add(Files.readAllBytes(reply));
                }
            }
        }
        if (requests.isEmpty()) {
            throw new IOException("no NNNNNNNN_fuzzer_*.bin requests in " + session);
        }

        Path dir = Files.createTempDirectory("jamsoak");
        Path socket = dir.resolve("target.sock");
        Process target = new ProcessBuilder(jam.toString(), "fuzz-target", "--socket", socket.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        long pid = target.pid(); // bin/jam execs the JVM: the same process
        boolean pass;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(socket)) {
                if (!target.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("jam fuzz-target did not open " + socket + ":\n" + Files.readString(dir.resolve("err.txt")));
                }
                Thread.sleep(100);
            }
            String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            System.out.println("target pid " + pid + ": " + cmdline);
            long startRss = status(pid, "VmRSS");
            System.out.printf("RSS after start: %d MiB%n", startRss >> 10);

            long t0 = System.nanoTime();
            long done = 0;
            long replays = 0;
            long mismatches = 0;
            long maxSample = startRss;
            long nextSample = System.currentTimeMillis() + periodMillis;
            List<String> samples = new ArrayList<>();
            while (done < wanted) {
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    for (int i = 0; i < requests.size(); i++) {
                        write(ch, requests.get(i));
                        byte[] got = read(ch);
                        if (got == null) {
                            throw new IOException("replay " + (replays + 1) + ": the target closed the session at request " + i
                                    + "\n" + tail(dir.resolve("err.txt")));
                        }
                        byte[] expected = replies.get(i);
                        boolean ok = switch (expected[0] & 0xFF) {
                            case 0 -> got[0] == 0;
                            case 0xFF -> (got[0] & 0xFF) == 0xFF;
                            default -> Arrays.equals(expected, got);
                        };
                        if (!ok) {
                            mismatches++;
                        }
                        done++;
                        if (System.currentTimeMillis() >= nextSample) {
                            long rss = status(pid, "VmRSS");
                            maxSample = Math.max(maxSample, rss);
                            samples.add(String.format("%.0fs:%dMiB", (System.nanoTime() - t0) / 1e9, rss >> 10));
                            nextSample += periodMillis;
                        }
                    }
                }
                replays++;
                if (replays % 20 == 0) {
                    System.out.printf("%d replays, %d requests, %.0f s, RSS %d MiB (max sampled %d MiB)%n", replays, done,
                            (System.nanoTime() - t0) / 1e9, status(pid, "VmRSS") >> 10, maxSample >> 10);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long endRss = status(pid, "VmRSS");
            long hwm = status(pid, "VmHWM");
            System.out.println("RSS samples: " + String.join(" ", samples));
            System.out.printf("%d requests in %d replays of %s (%d requests each), %.0f s (%.0f requests/s), %d mismatching replies%n",
                    done, replays, session.getFileName(), requests.size(), seconds, done / seconds, mismatches);
            System.out.printf("RSS: start %d MiB, end %d MiB, max sampled %d MiB, peak (VmHWM) %d MiB; limit %d MiB%n",
                    startRss >> 10, endRss >> 10, Math.max(maxSample, endRss) >> 10, hwm >> 10, limitMiB);
            pass = mismatches == 0 && (hwm >> 10) < limitMiB;
            System.out.println(pass ? "PASS" : "FAIL");
        } finally {
            target.destroy(); // SIGTERM: the target removes its socket and stops
            if (!target.waitFor(30, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
            System.out.println("target log: " + dir.resolve("err.txt"));
        }
        System.exit(pass ? 0 : 1);
    }

    /** A {@code /proc/PID/status} field in KiB. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void write(SocketChannel ch, byte[] message) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + message.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(message.length).put(message).flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static byte[] read(SocketChannel ch) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        if (!fill(ch, len)) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate(len.flip().getInt());
        return fill(ch, body) ? body.array() : null;
    }

    private static boolean fill(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return false;
            }
        }
        return true;
    }
}
