package io.jamboree.fuzz.internal.replay;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.Semver;
import io.jamboree.runtime.spi.JamCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam fuzz-replay --socket PATH [--chain tiny|full] [--timeout SECONDS] [--stop-on-fail] [--diff N]
 * [--verbose] TRACE_DIR...}: the fuzzer's side of fuzz-proto v1. Plays block-import trace folders (public
 * traces, {@code jam export --trace}, fuzz reports) through any fuzz target listening on a Unix socket (ours,
 * {@code jam fuzz-target}, or another client's) and checks every state root it answers against the trace
 * ({@link TraceReplayer}). Handshake: app name {@value #APP_NAME}, this bundle's version, JAM 0.7.2, features
 * {@code forks} like the conformance fuzzer, so no ancestry is sent.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=" + FuzzReplayCommand.NAME_VALUE)
public final class FuzzReplayCommand implements JamCommand {
    static final String NAME_VALUE = "fuzz-replay";
    static final String APP_NAME = "jamboree-replay";
    static final Semver JAM_VERSION = new Semver(0, 7, 2);
    /** As the conformance fuzzer: simple forks, no ancestry (so the lookup-anchor check is skipped, fuzz-proto). */
    static final int FEATURES = FuzzFeatures.FORKS;
    /** Default limit on one request's round trip. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Default number of differing keys shown per failing step. */
    static final int DEFAULT_DIFF = 10;

    private final Semver appVersion;

    @Activate
    public FuzzReplayCommand(BundleContext ctx) {
        org.osgi.framework.Version v = ctx.getBundle().getVersion();
        this.appVersion = new Semver(v.getMajor(), v.getMinor(), v.getMicro());
    }

    @Override
    public String name() {
        return NAME_VALUE;
    }

    /** This client's handshake. */
    static PeerInfo peerInfo(Semver appVersion) {
        return new PeerInfo(1, FEATURES, JAM_VERSION, appVersion, APP_NAME);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path socket = null;
        ChainParams params = ChainParams.tiny();
        Duration timeout = DEFAULT_TIMEOUT;
        boolean stopOnFail = false;
        boolean verbose = false;
        int diff = DEFAULT_DIFF;
        List<Path> folders = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--socket" -> socket = Path.of(value(args, ++i, a));
                    case "--chain" -> {
                        String c = value(args, ++i, a);
                        params = ChainParams.byName(c).orElseThrow(() -> new IllegalArgumentException("unknown chain '" + c + "' (tiny or full)"));
                    }
                    case "--timeout" -> timeout = seconds(value(args, ++i, a), a);
                    case "--diff" -> diff = count(value(args, ++i, a), a);
                    case "--stop-on-fail" -> stopOnFail = true;
                    case "--verbose", "-v" -> verbose = true;
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option '" + a + "'");
                        }
                        folders.add(Path.of(a));
                    }
                }
            }
            if (socket == null) {
                throw new IllegalArgumentException("--socket PATH is required (the fuzz target's Unix socket)");
            }
            if (folders.isEmpty()) {
                throw new IllegalArgumentException("no trace folder given");
            }
        } catch (IllegalArgumentException e) {
            err.println("jam fuzz-replay: " + e.getMessage());
            return TraceReplayer.BAD_INPUT;
        }
        TraceReplayer.Options o = new TraceReplayer.Options(socket, params, timeout, stopOnFail, diff, verbose, peerInfo(appVersion));
        return new TraceReplayer(o, out, err).run(folders);
    }

    /** A positive number of seconds (fractions allowed, millisecond resolution). */
    static Duration seconds(String v, String option) {
        double s;
        try {
            s = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of seconds, got '" + v + "'");
        }
        if (!(s >= 0.001) || s > 1e6) {
            throw new IllegalArgumentException(option + " must be between 0.001 and 1e6 seconds, got '" + v + "'");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static int count(String v, String option) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a number of keys (0 or more), got '" + v + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
