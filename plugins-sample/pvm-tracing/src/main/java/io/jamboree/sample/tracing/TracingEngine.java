package io.jamboree.sample.tracing;

import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample PVM engine plugin, {@code pvm.engine=tracing}: it runs every program on the interpreter engine
 * (GP Appendix A, Ψ) and counts the gas each program uses, keyed by the Blake2b-256 hash of its code c (a service's
 * code a_c, GP §9, is one program, so this is gas per service code). The counts are shown by the Gogo command
 * {@code tracing:gas} and logged when the engine stops.
 *
 * <p>It needs only the exported PVM API ({@code io.jamboree.pvm}) and core hashing ({@code io.jamboree.core.hash}).
 * Select it with {@code jam:pvm tracing} in the shell or {@code --pvm tracing} on the command line.
 */
@Component(service = {PvmEngine.class, TracingEngine.class},
        property = {"pvm.engine=tracing", "osgi.command.scope=tracing", "osgi.command.function=gas"})
public final class TracingEngine implements PvmEngine {
    private static final Logger LOG = LoggerFactory.getLogger(TracingEngine.class);

    private final PvmEngine inner;
    private final Map<String, GasCounter> counters = new ConcurrentHashMap<>();

    @Activate
    public TracingEngine(@Reference(target = "(pvm.engine=interpreter)") PvmEngine inner) {
        this.inner = inner;
        LOG.info("tracing PVM engine ready: runs on '{}' and counts gas per program", inner.name());
    }

    @Override
    public String name() {
        return "tracing";
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        String code = Hex.encode(Blake2b256.hash(blob));
        GasCounter counter = counters.computeIfAbsent(code, GasCounter::new);
        return new TracingProgram(inner.prepare(blob), counter);
    }

    /** The counters, most gas first. */
    public List<GasCounter> counters() {
        List<GasCounter> out = new ArrayList<>(counters.values());
        out.sort((a, b) -> Long.compare(b.gas(), a.gas()));
        return out;
    }

    /** Gogo {@code tracing:gas}: gas and runs per program since the engine started. */
    public String gas() {
        List<GasCounter> all = counters();
        StringBuilder sb = new StringBuilder();
        long total = 0;
        long runs = 0;
        for (GasCounter c : all) {
            sb.append(String.format("  program %s…  %,14d gas  %,8d runs%n", c.code().substring(0, 16), c.gas(), c.runs()));
            total += c.gas();
            runs += c.runs();
        }
        return String.format("tracing: %d programs, %,d gas in %,d runs%n", all.size(), total, runs) + sb.toString().stripTrailing();
    }

    @Deactivate
    void deactivate() {
        LOG.info("tracing PVM engine stops; {}", gas().lines().findFirst().orElse(""));
    }
}
