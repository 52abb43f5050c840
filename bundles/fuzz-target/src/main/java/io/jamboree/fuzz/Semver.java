package io.jamboree.fuzz;

/**
 * {@code Version ::= SEQUENCE { major U8, minor U8, patch U8 }} of fuzz-v1.asn: a JAM protocol or
 * application version, encoded as three octets.
 */
public record Semver(int major, int minor, int patch) {
    public Semver {
        u8(major, "major");
        u8(minor, "minor");
        u8(patch, "patch");
    }

    /** Parses {@code MAJOR.MINOR.PATCH}; anything after the third number (e.g. {@code -SNAPSHOT}) is ignored. */
    public static Semver parse(String text) {
        String[] parts = text.split("[.-]", 4);
        if (parts.length < 3) {
            throw new IllegalArgumentException("not a MAJOR.MINOR.PATCH version: " + text);
        }
        try {
            return new Semver(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a MAJOR.MINOR.PATCH version: " + text, e);
        }
    }

    private static void u8(int v, String what) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException("version " + what + " " + v + " is not a U8");
        }
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
