package io.jamboree.core;

import java.util.HexFormat;

/** Hex text as the vectors write it: lower case, with or without a {@code 0x} prefix. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {}

    /** Parses hex with an optional {@code 0x} prefix. */
    public static byte[] decode(String s) {
        String t = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
        if ((t.length() & 1) != 0) {
            throw new IllegalArgumentException("odd-length hex string of " + t.length() + " digits");
        }
        try {
            return HEX.parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex string: " + abbreviate(s), e);
        }
    }

    /** {@code 0x}-prefixed lower-case hex. */
    public static String encode(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }

    /** Lower-case hex without prefix. */
    public static String plain(byte[] b) {
        return HEX.formatHex(b);
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}
