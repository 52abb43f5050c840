package io.jamboree.network;

/**
 * A stream kind (JAMNP-S "Protocols and streams"): the single octet a stream's initiator sends first. Kinds below
 * {@value #FIRST_CE} are Unique Persistent (UP: at most one stream per kind on a connection, opened by the
 * connection's initiator); kinds from {@value #FIRST_CE} are Common Ephemeral (CE: any number, one request each).
 * Not an enumeration: protocol bundles and plugins define their own kinds.
 *
 * @param value the kind, 0..255
 */
public record StreamKind(int value) implements Comparable<StreamKind> {
    /** The first CE kind. */
    public static final int FIRST_CE = 128;

    public StreamKind {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("a stream kind is one octet (0..255), got " + value);
        }
    }

    /** The kind {@code value}. */
    public static StreamKind of(int value) {
        return new StreamKind(value);
    }

    /** Whether this is a Unique Persistent kind (below 128). */
    public boolean isUnique() {
        return value < FIRST_CE;
    }

    /** Whether this is a Common Ephemeral kind (128 and above). */
    public boolean isEphemeral() {
        return value >= FIRST_CE;
    }

    @Override
    public int compareTo(StreamKind o) {
        return Integer.compare(value, o.value);
    }

    /** {@code "UP n"} or {@code "CE n"}, as the spec names protocols. */
    @Override
    public String toString() {
        return (isUnique() ? "UP " : "CE ") + value;
    }
}
