package io.jamboree.runtime;

import io.jamboree.runtime.spi.JamCommand;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.TreeSet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Gogo command {@code jam:exec COMMAND [ARG...]} of {@code jam shell}: runs a {@link JamCommand} service inside the
 * running node, on its current services (the active store, the selected PVM engine), as {@code jam COMMAND} would in
 * a fresh node, e.g. {@code jam:exec import --chain tiny /path/to/traces/storage} after {@code jam:pvm tracing}.
 */
public final class ShellCommands {
    private final BundleContext context;

    private ShellCommands(BundleContext context) {
        this.context = context;
    }

    /** Registers the commands with the framework of {@code context} (the system bundle's). */
    public static ServiceRegistration<?> register(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", "jam");
        props.put("osgi.command.function", new String[] {"exec"});
        return context.registerService(Object.class.getName(), new ShellCommands(context), props);
    }

    /** {@code jam:exec}: the commands registered. */
    public String exec() throws InvalidSyntaxException {
        TreeSet<String> names = new TreeSet<>();
        for (ServiceReference<JamCommand> r : context.getServiceReferences(JamCommand.class, null)) {
            names.add(String.valueOf(r.getProperty(JamCommand.NAME)));
        }
        return "usage: exec COMMAND [ARG...]; commands: " + String.join(", ", names);
    }

    /** {@code jam:exec COMMAND ARG...}: runs the command; prints its exit code if it is not 0. */
    public String exec(String name, String... args) throws InvalidSyntaxException {
        Collection<ServiceReference<JamCommand>> refs = context.getServiceReferences(JamCommand.class,
                "(" + JamCommand.NAME + "=" + LaunchConfig.ldapValue(name) + ")");
        if (refs.isEmpty()) {
            return "exec: no command '" + name + "'; " + exec();
        }
        ServiceReference<JamCommand> ref = refs.iterator().next();
        JamCommand cmd = context.getService(ref);
        if (cmd == null) {
            return "exec: the command '" + name + "' went away";
        }
        try {
            int code = cmd.run(List.of(args), System.out, System.err);
            return code == 0 ? null : "exec: " + name + " exited with code " + code;
        } catch (RuntimeException e) {
            return "exec: " + name + " failed: " + e;
        } finally {
            context.ungetService(ref);
        }
    }
}
