package io.jamboree.vectors.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The codec vectors' file names map to their types. */
class CodecVectorNamesTest {
    @Test
    void names() {
        assertTrue(CodecVectors.forName("header_1").isPresent());
        assertEquals("work_result", CodecVectors.forName("work_result_0").orElseThrow().name());
        assertTrue(CodecVectors.forName("nonsense").isEmpty());
        assertEquals("safrole_state", CodecVectors.stateComponent(4).orElseThrow().name());
        assertTrue(CodecVectors.stateComponent(17).isEmpty());
    }
}
