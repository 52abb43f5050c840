package io.jamboree.bls;

import io.jamboree.core.vectors.VectorsFolder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the public test vectors; a missing folder is a failure, not a skip. */
public final class Vectors {
    private Vectors() { }

    public static Path root() {
        Path p = VectorsFolder.path();
        if (!Files.isDirectory(p)) throw new AssertionError("vector folder missing: " + p);
        return p;
    }

    public static Path srsFile() {
        Path p = root().resolve("bandersnatch-vrf-0.1/assets/srs/zcash-srs-2-11-uncompressed.bin");
        if (!Files.isRegularFile(p)) throw new AssertionError("SRS missing: " + p);
        return p;
    }

    public static byte[] hex(String s) {
        if (s.startsWith("0x")) s = s.substring(2);
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02x", x));
        return sb.toString();
    }
}
