package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statistics STF vector, tiny and full: output and posterior state byte-exact. */
class StatisticsVectorsTest {

    static Stream<Arguments> vectors() {
        return VectorFiles.binaries("statistics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path file, ChainParams params) {
        assertEquals(Optional.empty(), StfCheck.check(StatisticsVectors.INSTANCE, VectorFiles.read(file), params), name);
    }
}
