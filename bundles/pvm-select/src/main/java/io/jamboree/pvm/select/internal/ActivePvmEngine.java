package io.jamboree.pvm.select.internal;

import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmGasMeter;
import io.jamboree.pvm.PvmProgram;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PVM engine the node uses (GP Appendix A), registered as {@code pvm.engine=active}: it delegates to the
 * engine selected by Config Admin PID {@code io.jamboree.pvm} ({@code engine=interpreter|recompiler|...}) or by
 * {@code jam:pvm ENGINE} while the node runs; unconfigured, the {@value #DEFAULT_ENGINE} engine (issue #19: interpret
 * cold code, compile hot code off the importing thread; it imported the public traces fastest through the fuzz
 * protocol, see the README's "PVM engines"). Programs prepared before a switch keep running on the engine that
 * prepared them; new ones use the new engine.
 *
 * <p>Fallback: while the selected engine is not registered (its bundle was removed from {@code deploy/}, or is not
 * installed yet), new programs run on the highest-ranked registered engine ({@code service.ranking}; on a tie the
 * {@value #FALLBACK_ENGINE}, then the oldest service). When the selected engine is registered again it is used again.
 * The node never stops for a missing engine.
 *
 * <p>Metering: every program it prepares counts the gas its instances consume and the time they run into the
 * {@link PvmGasMeter} service this component also registers (the metrics' PVM gas per second).
 */
@Component(service = {PvmEngine.class, ActivePvmEngine.class, PvmGasMeter.class}, property = "pvm.engine=active",
        configurationPid = ActivePvmEngine.PID)
@Designate(ocd = ActivePvmEngine.Config.class)
public final class ActivePvmEngine implements PvmEngine, PvmGasMeter {
    static final String PID = "io.jamboree.pvm";
    /** The engine selected when no configuration names one. */
    static final String DEFAULT_ENGINE = "tiered";
    /** The engine preferred among equally ranked ones when the selected engine is missing: the plainest one. */
    static final String FALLBACK_ENGINE = "interpreter";
    private static final Logger LOG = LoggerFactory.getLogger(ActivePvmEngine.class);

    @ObjectClassDefinition(name = "Jamboree PVM engine", description = "Which PVM engine executes guest code.")
    public @interface Config {
        @AttributeDefinition(description = "Engine name: tiered (interpreter, then recompiled code for hot programs), interpreter, recompiler or differential (both in lockstep, compared; a test mode), or a plugin's engine.")
        String engine() default DEFAULT_ENGINE;
    }

    /** A registered engine with what ranks it: its service ranking and service id. */
    private record Bound(PvmEngine engine, int ranking, long serviceId) {}

    private final Map<String, Bound> engines = new TreeMap<>();
    private final GasMeter meter = new GasMeter();
    private volatile String wanted = DEFAULT_ENGINE;
    /** The name of the engine new programs go to (wanted, or the fallback); for the log only. */
    private String effective;

    /** Binds an engine (its service properties name and rank it); public so tests of other bundles can wire it by hand. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(!(pvm.engine=active))")
    public void addEngine(PvmEngine engine, Map<String, Object> props) {
        synchronized (engines) {
            engines.put(nameOf(engine, props), new Bound(engine, ranking(props), serviceId(props)));
            logChange();
        }
    }

    void removeEngine(PvmEngine engine, Map<String, Object> props) {
        synchronized (engines) {
            String name = nameOf(engine, props);
            Bound b = engines.get(name);
            if (b != null && b.engine() == engine) {
                engines.remove(name);
            }
            logChange();
        }
    }

    @Activate
    @Modified
    void configure(Config config) {
        synchronized (engines) {
            wanted = config.engine();
            LOG.info("PVM engine: {}", wanted);
            logChange();
        }
    }

    /** Switches the engine used for new programs. */
    public void select(String name) {
        synchronized (engines) {
            if (!engines.containsKey(name)) {
                throw new IllegalArgumentException("no PVM engine '" + name + "' (available: " + engines.keySet() + ")");
            }
            wanted = name;
            LOG.info("PVM engine switched to {}", name);
            logChange();
        }
    }

    /** Names of the engines available, sorted. */
    public Set<String> available() {
        synchronized (engines) {
            return Set.copyOf(engines.keySet());
        }
    }

    /** The selected engine's name (which may be missing; then {@link #name()} names the fallback). */
    public String selected() {
        return wanted;
    }

    /** The engine new programs are prepared with: the selected one, else the fallback. */
    PvmEngine current() {
        synchronized (engines) {
            Bound b = pick();
            if (b == null) {
                throw new IllegalStateException("no PVM engine is registered (selected: '" + wanted + "')");
            }
            return b.engine();
        }
    }

    /** The selected engine if registered, else the highest-ranked one; null if there is none. Holds the lock. */
    private Bound pick() {
        Bound b = engines.get(wanted);
        if (b != null) {
            return b;
        }
        String best = null;
        for (Map.Entry<String, Bound> e : engines.entrySet()) {
            Bound c = e.getValue();
            if (b == null || c.ranking() > b.ranking() || c.ranking() == b.ranking() && !best.equals(FALLBACK_ENGINE)
                    && (e.getKey().equals(FALLBACK_ENGINE) || c.serviceId() < b.serviceId())) {
                b = c;
                best = e.getKey();
            }
        }
        return b;
    }

    /** Logs when the engine that new programs go to changes because an engine came or went. Holds the lock. */
    private void logChange() {
        Bound b = pick();
        String now = b == null ? null : nameOf(b);
        if (now != null && !now.equals(effective) && !frameworkStopping()) {
            if (!now.equals(wanted) && effective == null) {
                // the first engine to register while the framework starts: the selected one's bundle may just come later
                LOG.info("PVM engine '{}' is not registered yet: new programs run on '{}' until it is", wanted, now);
            } else if (!now.equals(wanted)) {
                LOG.warn("PVM engine '{}' is not registered: new programs run on '{}' until it is", wanted, now);
            } else if (effective != null) {
                LOG.info("PVM engine '{}' is registered: new programs run on it", now);
            }
        }
        effective = now;
    }

    /** Whether the whole framework is shutting down (then engines leaving is expected, not worth a warning). */
    private static boolean frameworkStopping() {
        org.osgi.framework.Bundle own = org.osgi.framework.FrameworkUtil.getBundle(ActivePvmEngine.class);
        return own != null && (own.getBundleContext() == null
                || own.getBundleContext().getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING);
    }

    private String nameOf(Bound b) {
        for (Map.Entry<String, Bound> e : engines.entrySet()) {
            if (e.getValue() == b) {
                return e.getKey();
            }
        }
        return b.engine().name();
    }

    private static String nameOf(PvmEngine engine, Map<String, Object> props) {
        Object n = props.get("pvm.engine");
        return n == null ? engine.name() : n.toString();
    }

    private static int ranking(Map<String, Object> props) {
        return props.get("service.ranking") instanceof Integer r ? r : 0;
    }

    private static long serviceId(Map<String, Object> props) {
        return props.get("service.id") instanceof Long id ? id : Long.MAX_VALUE;
    }

    /** The name of the engine new programs run on: the selected one, or the fallback while it is missing. */
    @Override
    public String name() {
        synchronized (engines) {
            Bound b = pick();
            return b == null ? wanted : nameOf(b);
        }
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        return meter.wrap(current().prepare(blob));
    }

    @Override
    public long gas() {
        return meter.gas();
    }

    @Override
    public long nanos() {
        return meter.nanos();
    }

    @Override
    public long runs() {
        return meter.runs();
    }
}
