package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every assurances STF vector, tiny and full: output and posterior state byte-exact. */
class AssurancesVectorsTest {

    static Stream<Arguments> vectors() {
        return VectorFiles.binaries("assurances");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path file, ChainParams params) {
        assertEquals(Optional.empty(), StfCheck.check(AssurancesVectors.INSTANCE, VectorFiles.read(file), params), name);
    }
}
