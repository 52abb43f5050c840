package io.jamboree.fuzz.internal;

import io.jamboree.accumulate.PvmInvocations;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzFraming;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.Semver;
import io.jamboree.importer.BlockImporterFactory;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.sample.SampleService;
import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.stf.StateTransition;
import io.jamboree.stf.StateTransitionFactory;
import io.jamboree.store.NodeStore;
import io.jamboree.store.NodeStoreFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jam fuzz-target --socket PATH [--chain tiny|full] [--pvm interpreter|recompiler|differential]
 * [--max-message BYTES] [--frame-timeout SECONDS] [--idle-timeout SECONDS] [--warmup DIR | --no-warmup]}: serves the
 * conformance fuzzer (fuzz-proto v1) until the process is stopped. Before it listens it imports a warm-up chain
 * ({@link WarmUp}; {@code --warmup DIR}, else the system property {@value #WARMUP_PROPERTY}) twice and runs the PVM
 * engine on the sample service's refine ({@link PvmWarmUp}), so that the fuzzer's first blocks do not pay for class
 * loading and interpretation; {@code --no-warmup} skips both. Timeouts: see {@link FuzzTargetServer.Limits} (defaults
 * 30 s per frame, no idle limit).
 * Handshake: app name {@value #APP_NAME}, this bundle's version, JAM 0.7.2, features ancestry+forks.
 * Every {@code initialize} gets a fresh importer ({@link BlockImporterFactory}) over a fresh in-memory node store
 * (a {@link NodeStoreFactory} of kind {@code memory}: fuzzing needs no persistence), with Υ from the
 * {@link StateTransition} service or, with {@code --pvm NAME}, from the {@link StateTransitionFactory} over
 * accumulation ({@link PvmInvocations}) on that engine.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=" + FuzzTargetCommand.NAME_VALUE)
public final class FuzzTargetCommand implements JamCommand {
    static final String NAME_VALUE = "fuzz-target";
    static final String APP_NAME = "jamboree";
    static final Semver JAM_VERSION = new Semver(0, 7, 2);
    static final int FEATURES = FuzzFeatures.ANCESTRY | FuzzFeatures.FORKS;

    /**
     * System property naming the warm-up chain folder ({@link WarmUp}); {@code bin/jam} sets it to the distribution's
     * {@code lib/warmup} when that folder exists. {@code --warmup DIR} overrides it, {@code --no-warmup} turns it off.
     */
    static final String WARMUP_PROPERTY = "jam.warmup";
    /** Passes over the warm-up chain before the target listens. */
    static final int WARMUP_PASSES = 2;
    /** Refine runs of the sample service on the PVM engine before the target listens ({@link PvmWarmUp}). */
    static final int PVM_WARMUP_RUNS = 40;
    /** Octets of the payload each PVM warm-up run hashes. */
    static final int PVM_WARMUP_PAYLOAD = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(FuzzTargetCommand.class);

    private final Map<String, PvmEngine> engines = new TreeMap<>();
    private final Semver appVersion;
    private final BlockImporterFactory importers;
    private final NodeStoreFactory stores;
    private final StateTransition transition;
    private final StateTransitionFactory transitions;
    private final PvmInvocations invocations;
    /** The node's active engine ({@code pvm.engine=active}), which the default Υ accumulates with. */
    private final PvmEngine activeEngine;
    private volatile FuzzTargetServer server;

    @Activate
    public FuzzTargetCommand(BundleContext ctx, @Reference BlockImporterFactory importers,
            @Reference(target = "(" + NodeStore.KIND_PROPERTY + "=memory)") NodeStoreFactory stores,
            @Reference StateTransition transition, @Reference StateTransitionFactory transitions,
            @Reference PvmInvocations invocations,
            @Reference(target = "(pvm.engine=active)") PvmEngine activeEngine,
            @Reference(service = PvmEngine.class, cardinality = ReferenceCardinality.MULTIPLE,
                    policyOption = ReferencePolicyOption.GREEDY) List<PvmEngine> engines) {
        for (PvmEngine e : engines) {
            this.engines.put(e.name(), e);
        }
        this.importers = importers;
        this.stores = stores;
        this.transition = transition;
        this.transitions = transitions;
        this.invocations = invocations;
        this.activeEngine = activeEngine;
        org.osgi.framework.Version v = ctx.getBundle().getVersion();
        this.appVersion = new Semver(v.getMajor(), v.getMinor(), v.getMicro());
    }

    @Override
    public String name() {
        return NAME_VALUE;
    }

    /** The target's handshake message. */
    static PeerInfo peerInfo(Semver appVersion) {
        return new PeerInfo(FuzzSession.FUZZ_VERSION, FEATURES, JAM_VERSION, appVersion, APP_NAME);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path socket = null;
        ChainParams params = ChainParams.tiny();
        String pvm = null;
        int maxMessage = FuzzFraming.DEFAULT_MAX_MESSAGE_BYTES;
        Duration frameTimeout = FuzzTargetServer.Limits.DEFAULT_FRAME_TIMEOUT;
        Duration idleTimeout = FuzzTargetServer.Limits.DEFAULT_IDLE_TIMEOUT;
        String warmupProperty = System.getProperty(WARMUP_PROPERTY, "");
        Path warmup = warmupProperty.isBlank() ? null : Path.of(warmupProperty);
        boolean warm = true;
        List<String> rest = new ArrayList<>(args);
        try {
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                switch (a) {
                    case "--socket" -> socket = Path.of(value(rest, ++i, a));
                    case "--chain" -> {
                        String c = value(rest, ++i, a);
                        params = ChainParams.byName(c).orElseThrow(() -> new IllegalArgumentException("unknown chain '" + c + "' (tiny or full)"));
                    }
                    case "--pvm" -> pvm = value(rest, ++i, a);
                    case "--max-message" -> maxMessage = Integer.parseInt(value(rest, ++i, a));
                    case "--frame-timeout" -> frameTimeout = seconds(value(rest, ++i, a), a);
                    case "--idle-timeout" -> idleTimeout = seconds(value(rest, ++i, a), a);
                    case "--warmup" -> warmup = Path.of(value(rest, ++i, a));
                    case "--no-warmup" -> warm = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (socket == null) {
                throw new IllegalArgumentException("--socket PATH is required");
            }
            if (maxMessage < 1024) {
                throw new IllegalArgumentException("--max-message must be at least 1024 bytes");
            }
            if (frameTimeout.isZero()) {
                throw new IllegalArgumentException("--frame-timeout must be above 0");
            }
        } catch (IllegalArgumentException e) {
            err.println("jam fuzz-target: " + e.getMessage());
            return 2;
        }
        // Default: the node's Υ, whose accumulation runs on the node's active engine (Config Admin
        // io.jamboree.pvm); --pvm NAME: Υ with accumulation on that engine, whatever is configured.
        StateTransition upsilon = transition;
        String engineName = "active";
        if (pvm != null) {
            PvmEngine engine = engines.get(pvm);
            if (engine == null) {
                err.println("jam fuzz-target: no PVM engine '" + pvm + "' (available: " + engines.keySet() + ")");
                return 2;
            }
            upsilon = transitions.create(invocations.accumulation(engine));
            engineName = engine.name();
        }
        ImporterFactory fresh = Importers.fresh(importers, stores, upsilon);
        PvmEngine warmEngine = pvm != null ? engines.get(pvm) : activeEngine;
        if (warm) {
            PvmWarmUp.Result w = PvmWarmUp.run(warmEngine, SampleService.codePreimage(), PVM_WARMUP_RUNS, PVM_WARMUP_PAYLOAD);
            if (w.problem() == null) {
                LOG.info("warm-up: {}", w.describe());
            } else {
                LOG.warn("warm-up: {}", w.describe());
            }
        }
        if (warm && warmup != null) {
            WarmUp.Result w = WarmUp.run(warmup, WARMUP_PASSES, fresh);
            if (w.problem() == null) {
                LOG.info("warm-up: {}", w.describe());
            } else {
                LOG.warn("warm-up: {}", w.describe());
            }
        }
        Thread hook = new Thread(this::stop, "fuzz-target-shutdown");
        try (FuzzTargetServer s = FuzzTargetServer.bind(socket, params, fresh, peerInfo(appVersion),
                new FuzzTargetServer.Limits(maxMessage, frameTimeout, idleTimeout))) {
            server = s;
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("jam fuzz-target: listening on " + s.socket() + " (" + params.name() + ", PVM " + engineName + ")");
            out.flush();
            s.serve();
            return 0;
        } catch (IOException e) {
            err.println("jam fuzz-target: " + e.getMessage());
            return 1;
        } finally {
            server = null;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDown) {
                // already running or never added
            }
        }
    }

    /** A non-negative number of seconds (fractions allowed, millisecond resolution). */
    private static Duration seconds(String v, String option) {
        double s;
        try {
            s = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of seconds, got '" + v + "'");
        }
        if (!(s >= 0) || s > 1e9) {
            throw new IllegalArgumentException(option + " must be between 0 and 1e9 seconds, got '" + v + "'");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    @Deactivate
    void stop() {
        FuzzTargetServer s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.warn("closing the fuzz target socket: {}", e.toString());
            }
        }
    }
}
