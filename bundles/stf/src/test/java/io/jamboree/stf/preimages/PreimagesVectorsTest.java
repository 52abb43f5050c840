package io.jamboree.stf.preimages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.reports.VectorFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every preimages STF vector, tiny and full: output and posterior state byte-exact. */
class PreimagesVectorsTest {

    static Stream<Arguments> vectors() {
        return VectorFiles.binaries("preimages");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path file, ChainParams params) {
        assertEquals(Optional.empty(), PreimagesVectors.check(VectorFiles.read(file), params), name);
    }
}
