package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.fuzz.FuzzCodec;
import io.jamboree.fuzz.FuzzExamples;
import io.jamboree.fuzz.FuzzExamples.Recorded;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.fuzz.Semver;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.vectors.KnownFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance replay: the real target (block importer over a fresh memory store, accumulation on
 * the PVM interpreter) is served on a temporary Unix socket and each recorded session's fuzzer
 * messages are played in order. Every reply is compared with the recorded target reply: state roots
 * byte-exact; for a rejected block only the {@code error} variant, since fuzz-proto's README makes the
 * text a free-form debugging aid (the recorded texts are polkajam's own); the handshake reply is
 * ours by design (name, version, features), so only its variant and protocol version are compared.
 */
class FuzzReplayTest {
    private static final ChainParams TINY = ChainParams.tiny();
    private static final String KNOWN_FAMILY = "fuzz-examples";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"no_forks", "forks"})
    @SuppressWarnings("try") // the server is closed early on purpose, to end its thread before joining it
    void replay(String session) throws Exception {
        List<Recorded[]> exchanges = FuzzExamples.exchanges(session);
        List<String> mismatches = new ArrayList<>();
        List<String> log = new ArrayList<>();
        int matched = 0;
        try (FuzzTargetServer server = FuzzTargetServer.bind(tmp.resolve("r.sock"), TINY,
                FuzzImporters.inMemory(new PvmInvocationsComponent().accumulation(new InterpreterEngine())), FuzzTargetCommand.peerInfo(new Semver(0, 1, 0)),
                FuzzFramingLimit.TEST)) {
            Thread serving = Thread.ofPlatform().name("fuzz-replay-" + session).start(() -> {
                try {
                    server.serve();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (FuzzClient c = new FuzzClient(server.socket())) {
                for (Recorded[] x : exchanges) {
                    long t0 = System.nanoTime();
                    byte[] reply = c.exchange(x[0].bytes());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (reply == null) {
                        mismatches.add("step " + x[0].step() + " " + x[0].kind() + ": target closed the session");
                        break;
                    }
                    String diff = difference(x[1], reply);
                    log.add(String.format("%08d %-12s %-5s %5d ms expected %s | got %s", x[0].step(), x[0].kind(),
                            diff == null ? "ok" : "DIFF", ms, describe(FuzzCodec.decode(x[1].bytes(), TINY)),
                            describe(FuzzCodec.decode(reply, TINY))));
                    if (diff == null) {
                        matched++;
                    } else {
                        mismatches.add("step " + x[0].step() + " " + x[0].kind() + ": " + diff);
                    }
                }
            }
            server.close();
            serving.join(10_000);
        }
        // every step side by side (error texts of both sides), for diagnosis
        Path report = Path.of("target", "fuzz-replay-" + session + ".txt");
        Files.createDirectories(report.getParent());
        Files.write(report, log);
        System.out.printf("fuzz replay %s: %d/%d replies match%n", session, matched, exchanges.size());
        mismatches.stream().limit(20).forEach(m -> System.out.println("  " + m));
        // The same sessions are replayed without the socket by the importer's FuzzExamplesTest; a known
        // failure there (fuzz-examples/SESSION in known-failures.txt) is tolerated here, and must go once fixed.
        Optional<String> known = KnownFailures.bundled().reason(KNOWN_FAMILY, session);
        if (known.isPresent()) {
            System.out.println("  known failure " + KNOWN_FAMILY + "/" + session + ": " + known.get());
            assertTrue(matched < exchanges.size(), KNOWN_FAMILY + "/" + session
                    + " now passes over the socket: remove it from known-failures.txt");
            return;
        }
        assertEquals(exchanges.size(), matched, session + ": " + mismatches.size() + " mismatching replies, first: "
                + (mismatches.isEmpty() ? "-" : mismatches.get(0)));
    }

    /** Null when {@code got} is an acceptable reply for the recorded {@code expected}; else what differs. */
    private static String difference(Recorded expected, byte[] got) {
        FuzzMessage want = FuzzCodec.decode(expected.bytes(), TINY);
        FuzzMessage have = FuzzCodec.decode(got, TINY);
        return switch (want) {
            case StateRoot sr -> Arrays.equals(expected.bytes(), got) ? null
                    : "expected state root " + sr.root() + ", got " + describe(have);
            case ErrorMessage er -> have instanceof ErrorMessage ? null
                    : "expected error (\"" + er.text() + "\"), got " + describe(have);
            case PeerInfo pi -> have instanceof PeerInfo ours && ours.fuzzVersion() == pi.fuzzVersion() ? null
                    : "expected peer-info v" + pi.fuzzVersion() + ", got " + describe(have);
            default -> "unexpected recorded reply " + want.kind();
        };
    }

    private static String describe(FuzzMessage m) {
        return switch (m) {
            case StateRoot sr -> "state root " + sr.root();
            case ErrorMessage er -> "error \"" + er.text() + "\"";
            default -> m.kind() + " " + Hex.encode(FuzzCodec.encode(m, TINY)).substring(0, 18) + "...";
        };
    }

    /** Frame limit for tests. */
    private static final class FuzzFramingLimit {
        static final int TEST = 64 << 20;
    }
}
