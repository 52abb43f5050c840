package io.jamboree.fuzz;

/**
 * The feature bits of fuzz-v1.asn ({@code Features ::= U32}). Session features are the bitwise AND of
 * both peers' {@code PeerInfo.fuzz-features}.
 */
public final class FuzzFeatures {
    /** {@code feature-ancestry}: Initialize carries up to 24 ancestors; without it the lookup-anchor check (GP eq. 11.33) is skipped. */
    public static final int ANCESTRY = 1;
    /** {@code feature-fork}: simple forks of depth at most 1. */
    public static final int FORKS = 2;
    /** {@code feature-reserved}: for future extensions. */
    public static final int RESERVED = 0x8000_0000;

    private FuzzFeatures() {}

    public static boolean has(int features, int bit) {
        return (features & bit) != 0;
    }

    /** Human-readable list, e.g. {@code ancestry+forks}, or {@code none}. */
    public static String describe(int features) {
        StringBuilder sb = new StringBuilder();
        if (has(features, ANCESTRY)) {
            sb.append("ancestry");
        }
        if (has(features, FORKS)) {
            sb.append(sb.isEmpty() ? "" : "+").append("forks");
        }
        int other = features & ~(ANCESTRY | FORKS);
        if (other != 0) {
            sb.append(sb.isEmpty() ? "" : "+").append("0x").append(Integer.toHexString(other));
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
