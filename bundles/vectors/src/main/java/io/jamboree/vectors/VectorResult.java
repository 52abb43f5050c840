package io.jamboree.vectors;

/**
 * The outcome of one vector.
 *
 * @param id the vector's name within its folder, e.g. {@code header_0.json}
 * @param passed whether the implementation agreed with the vector
 * @param difference for a failure, the first difference found (empty when passed)
 */
public record VectorResult(String id, boolean passed, String difference) {
    public static VectorResult pass(String id) {
        return new VectorResult(id, true, "");
    }

    public static VectorResult fail(String id, String difference) {
        return new VectorResult(id, false, difference);
    }
}
