package io.jamboree.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Build facts filtered into {@code jamboree-runtime.properties} by Maven. */
final class Version {
    private static final Properties PROPS = load();

    private Version() {}

    static String jamboree() {
        return property("version");
    }

    static String property(String key) {
        String v = PROPS.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("jamboree-runtime.properties lacks " + key);
        }
        return v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/jamboree-runtime.properties")) {
            if (in == null) {
                throw new IllegalStateException("jamboree-runtime.properties missing from the launcher jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
