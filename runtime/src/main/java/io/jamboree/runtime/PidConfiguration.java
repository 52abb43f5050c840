package io.jamboree.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One Config Admin configuration the launcher puts in place before the Jamboree bundles start: the
 * node's {@code conf/config/PID.cfg} (or {@code FACTORYPID-NAME.cfg}, a factory configuration, named as
 * Felix File Install names them) merged with the options of the command, the option winning.
 *
 * @param pid the PID, or for a factory configuration its factory PID
 * @param name for a factory configuration the name after the {@code -}, otherwise empty
 * @param properties the configuration properties (string values, as File Install reads {@code .cfg} files)
 * @param file the file under {@code conf/config} when File Install owns this configuration (its values are
 *        exactly that file's), empty when options of the command changed it or there is no file
 */
public record PidConfiguration(String pid, Optional<String> name, Map<String, String> properties, Optional<Path> file) {

    /** The configuration property by which Felix File Install recognises the configurations it manages. */
    public static final String FILE_INSTALL_FILENAME = "felix.fileinstall.filename";

    public PidConfiguration {
        if (pid.isEmpty()) {
            throw new IllegalArgumentException("empty configuration PID");
        }
        properties = Map.copyOf(properties);
    }

    /** Whether this is a factory configuration ({@code FACTORYPID-NAME.cfg}). */
    public boolean factory() {
        return name.isPresent();
    }

    /** {@code pid} or {@code factoryPid~name}, as Config Admin 1.6 names a named factory configuration. */
    public String label() {
        return name.map(n -> pid + "~" + n).orElse(pid);
    }

    /** The value File Install stores under {@link #FILE_INSTALL_FILENAME} for {@code file}: its absolute file URI. */
    static String fileInstallKey(Path file) {
        return file.toFile().getAbsoluteFile().toURI().toString();
    }
}
