package io.jamboree.vectors.internal.stf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads tiny JSON test vectors with Jackson's tree model; the GP types come from jam-core's io.jamboree.json. */
public final class JsonVectors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonVectors() {}

    public static JsonNode read(Path f) {
        try {
            return MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .asn error name like {@code bad_core_index} as the ordinal of the like-named enum constant. */
    public static <E extends Enum<E>> int errorCode(JsonNode n, Class<E> type) {
        return Enum.valueOf(type, n.asText().toUpperCase(Locale.ROOT).replace('-', '_')).ordinal();
    }

    /** The sibling {@code .bin} of a {@code .json} vector. */
    public static Path bin(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".bin");
    }
}
