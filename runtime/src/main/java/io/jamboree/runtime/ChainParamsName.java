package io.jamboree.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which parameter set, tiny or full, a {@code --chain} value names: the name itself, or the {@code protocol_parameters}
 * of a JIP-4 chain spec file (the launcher must configure the importer before any bundle reads the file). Only V is
 * read, the u16 at octet 92 of the 134-octet encoding (GP 0.7.2 B.5); the importer checks the rest.
 */
final class ChainParamsName {
    private static final Pattern PARAMS = Pattern.compile("\"protocol_parameters\"\\s*:\\s*\"(?:0x)?([0-9a-fA-F]*)\"");

    private ChainParamsName() {}

    /** "tiny" or "full" for those names (any case), else null. */
    static String of(String chain) {
        String c = chain.toLowerCase(java.util.Locale.ROOT);
        return c.equals("tiny") || c.equals("full") ? c : null;
    }

    /**
     * "tiny" (V = 6) or "full" (V = 1023) for a chain spec file.
     *
     * @throws IOException naming the file when it is missing, not JIP-4 JSON or of other parameters
     */
    static String ofSpec(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("--chain is tiny, full or a chain spec file; no such file: " + file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = PARAMS.matcher(text);
        if (!m.find() || m.group(1).length() != 2 * 134) {
            throw new IOException(file + ": not a JIP-4 chain spec: no protocol_parameters of 134 octets (GP 0.7.2)");
        }
        byte[] p = HexFormat.of().parseHex(m.group(1));
        int v = (p[92] & 0xff) | (p[93] & 0xff) << 8;
        return switch (v) {
            case 6 -> "tiny";
            case 1023 -> "full";
            default -> throw new IOException(file + ": its protocol parameters have V=" + v
                    + " validators; this node runs tiny (6) and full (1023) only");
        };
    }
}
