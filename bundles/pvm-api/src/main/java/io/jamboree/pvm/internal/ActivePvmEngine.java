package io.jamboree.pvm.internal;

import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import java.util.Map;
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
 * engine named by Config Admin PID {@code io.jamboree.pvm} ({@code engine=interpreter|recompiler|...}) and can
 * be switched while the node runs ({@code jam:pvm ENGINE}). Programs prepared before a switch keep running on
 * the engine that prepared them; new ones use the new engine.
 */
@Component(service = {PvmEngine.class, ActivePvmEngine.class}, property = "pvm.engine=active",
        configurationPid = ActivePvmEngine.PID)
@Designate(ocd = ActivePvmEngine.Config.class)
public final class ActivePvmEngine implements PvmEngine {
    static final String PID = "io.jamboree.pvm";
    private static final Logger LOG = LoggerFactory.getLogger(ActivePvmEngine.class);

    @ObjectClassDefinition(name = "Jamboree PVM engine", description = "Which PVM engine executes guest code.")
    public @interface Config {
        @AttributeDefinition(description = "Engine name: interpreter, recompiler or differential (both in lockstep, compared; a test mode), or a plugin's engine.")
        String engine() default "interpreter";
    }

    private final Map<String, PvmEngine> engines = new TreeMap<>();
    private volatile String wanted = "interpreter";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(!(pvm.engine=active))")
    void addEngine(PvmEngine engine) {
        synchronized (engines) {
            engines.put(engine.name(), engine);
        }
    }

    void removeEngine(PvmEngine engine) {
        synchronized (engines) {
            engines.remove(engine.name(), engine);
        }
    }

    @Activate
    @Modified
    void configure(Config config) {
        wanted = config.engine();
        LOG.info("PVM engine: {}", wanted);
    }

    /** Switches the engine used for new programs. */
    public void select(String name) {
        synchronized (engines) {
            if (!engines.containsKey(name)) {
                throw new IllegalArgumentException("no PVM engine '" + name + "' (available: " + engines.keySet() + ")");
            }
        }
        wanted = name;
        LOG.info("PVM engine switched to {}", name);
    }

    /** Names of the engines available, sorted. */
    public java.util.Set<String> available() {
        synchronized (engines) {
            return java.util.Set.copyOf(engines.keySet());
        }
    }

    /** The engine new programs are prepared with. */
    PvmEngine current() {
        synchronized (engines) {
            PvmEngine e = engines.get(wanted);
            if (e == null) {
                throw new IllegalStateException("configured PVM engine '" + wanted + "' is not available (available: "
                        + engines.keySet() + ")");
            }
            return e;
        }
    }

    @Override
    public String name() {
        return wanted;
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        return current().prepare(blob);
    }
}
