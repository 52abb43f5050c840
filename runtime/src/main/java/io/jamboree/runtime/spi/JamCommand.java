package io.jamboree.runtime.spi;

import java.io.PrintStream;
import java.util.List;

/**
 * A sub-command of the {@code jam} command line, provided by a bundle as an OSGi service.
 *
 * <p>The launcher parses its own options, starts the feature the command needs, waits for the
 * service whose {@link #name()} matches, and calls {@link #run}. The exit code of the process is the
 * value returned.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface JamCommand {
    /** Service property naming the command, e.g. {@code test-vectors}. */
    String NAME = "jam.command";

    /** The sub-command name as typed after {@code jam}. */
    String name();

    /**
     * Runs the command.
     *
     * @param args the arguments after the sub-command name, already validated by the launcher
     * @param out standard output
     * @param err standard error, for diagnostics
     * @return the process exit code: 0 on success
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
