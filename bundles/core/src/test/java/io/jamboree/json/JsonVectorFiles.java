package io.jamboree.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.vectors.VectorsFolder;
import java.nio.file.Path;

/** The published vectors (found by {@link VectorsFolder}) and a JSON comparison for the JSON mapping's tests. */
final class JsonVectorFiles {
    private JsonVectorFiles() {}

    static Path vectorsRoot() {
        return VectorsFolder.path().resolve("jam-test-vectors-0.7.2");
    }

    /** Compares JSON numbers by value (IntNode 1 equals LongNode 1). */
    static final class NumericEquality implements java.util.Comparator<JsonNode> {
        static final NumericEquality INSTANCE = new NumericEquality();

        @Override
        public int compare(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return a.bigIntegerValue().compareTo(b.bigIntegerValue());
            }
            return a.equals(b) ? 0 : 1;
        }
    }
}
