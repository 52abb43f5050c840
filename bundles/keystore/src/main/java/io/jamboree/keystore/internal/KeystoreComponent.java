package io.jamboree.keystore.internal;

import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.DevValidatorRange;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Keystore} service: dev validators by index and key files of a folder, loaded when the configuration
 * (PID {@value Keystore#PID}) arrives. Public keys are logged, secrets never.
 */
@Component(service = Keystore.class, configurationPid = Keystore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = KeystoreComponent.Config.class)
public final class KeystoreComponent implements Keystore {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoreComponent.class);

    /** Configuration PID io.jamboree.keystore. */
    @ObjectClassDefinition(name = "Jamboree keystore", description = "The validators this node runs.")
    public @interface Config {
        @AttributeDefinition(name = "Dev validators", required = false,
                description = "JIP-5 dev validator indices: I, I-J or a comma-separated list; empty for none.")
        String devValidators() default "";

        @AttributeDefinition(name = "Keys folder", required = false,
                description = "Folder of validator-*.json key files; empty means ${jamboree.data}/keys if jamboree.data is set.")
        String keysDir() default "";
    }

    private final List<ValidatorSecrets> validators;

    /**
     * Loads the configured validators; a bad selection or key file fails the activation with a
     * {@link io.jamboree.keystore.KeystoreException} that names it.
     */
    @Activate
    public KeystoreComponent(Config config, BundleContext context) {
        this(config.devValidators(), keysDir(config.keysDir(), context.getProperty("jamboree.data")));
        if (config.keysDir() != null && !config.keysDir().isBlank()
                && !java.nio.file.Files.isDirectory(Path.of(config.keysDir().trim()))) {
            // a folder named on purpose must be there; the default DATA/keys may be absent (no key files)
            throw new io.jamboree.keystore.KeystoreException("keys folder " + config.keysDir().trim()
                    + " (PID " + PID + ", keysDir) does not exist");
        }
        for (ValidatorSecrets s : validators) {
            LOG.info("validator {}", s); // public keys only
        }
    }

    /** The keystore of a dev selection ({@code "I"}, {@code "I-J"}, ...) and a key folder (may be null), without OSGi. */
    public KeystoreComponent(String devValidators, Path keysDir) {
        List<ValidatorSecrets> all = new ArrayList<>();
        for (long i : DevValidatorRange.parse(devValidators).indices()) {
            all.add(DevKeys.secrets(i));
        }
        if (keysDir != null) {
            for (Path f : KeyFile.list(keysDir)) {
                all.add(KeyFile.read(f));
            }
        }
        validators = List.copyOf(all);
    }

    @Override
    public List<ValidatorSecrets> validators() {
        return validators;
    }

    /** The configured folder, else {@code DATA/keys} of the framework property jamboree.data, else none. */
    static Path keysDir(String configured, String data) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim()).toAbsolutePath().normalize();
        }
        if (data == null || data.isBlank()) {
            return null;
        }
        return Path.of(data, "keys").toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "Keystore[" + validators.size() + " validators]";
    }
}
