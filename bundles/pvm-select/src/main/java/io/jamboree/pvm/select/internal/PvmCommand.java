package io.jamboree.pvm.select.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo shell command {@code jam:pvm [ENGINE]}: shows or switches the active PVM engine. */
@Component(service = PvmCommand.class, property = {"osgi.command.scope=jam", "osgi.command.function=pvm"})
public final class PvmCommand {
    private final ActivePvmEngine active;

    @Activate
    public PvmCommand(@Reference ActivePvmEngine active) {
        this.active = active;
    }

    /** {@code jam:pvm}: the active engine and the available ones. */
    public String pvm() {
        String running = active.name();
        String selected = active.selected();
        return "active PVM engine: " + running
                + (running.equals(selected) ? "" : " (selected '" + selected + "' is not registered)")
                + " (available: " + new java.util.TreeSet<>(active.available()) + ")";
    }

    /** {@code jam:pvm ENGINE}: switches the engine used for programs prepared from now on. */
    public String pvm(String engine) {
        try {
            active.select(engine);
            return "PVM engine switched to " + engine;
        } catch (IllegalArgumentException e) {
            return "pvm: " + e.getMessage();
        }
    }
}
