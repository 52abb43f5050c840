package io.jamboree.stf.disputes;

import io.jamboree.stf.VectorFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.Ed25519;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Every disputes vector (GP §10), tiny (bin and json) and full (bin). */
class DisputesVectorsTest {

    static Stream<Arguments> tinyBin() {
        return VectorFiles.cases("disputes", "tiny", "bin");
    }

    static Stream<Arguments> fullBin() {
        return VectorFiles.cases("disputes", "full", "bin");
    }

    static Stream<Arguments> tinyJson() {
        return VectorFiles.cases("disputes", "tiny", "json");
    }

    @ParameterizedTest(name = "tiny {0}")
    @MethodSource("tinyBin")
    void tiny(String name, Path file) {
        assertEquals(Optional.empty(), DisputesVectors.check(VectorFiles.read(file), ChainParams.tiny()));
        DisputesVectors.TestCase tc = DisputesVectors.decode(VectorFiles.read(file), ChainParams.tiny());
        DisputesVectors.TestCase before = DisputesVectors.decode(VectorFiles.read(file), ChainParams.tiny());
        new Disputes(Ed25519::verify, ChainParams.tiny()).apply(tc.preState(), tc.input());
        assertEquals(Optional.empty(), DisputesVectors.diff(before.preState(), tc.preState(), ChainParams.tiny()),
                "the prior state was mutated");
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("fullBin")
    void full(String name, Path file) {
        assertEquals(Optional.empty(), DisputesVectors.check(VectorFiles.read(file), ChainParams.full()));
    }

    @ParameterizedTest(name = "json {0}")
    @MethodSource("tinyJson")
    void json(String name, Path file) throws Exception {
        DisputesVectors.TestCase b = DisputesVectors.decode(VectorFiles.read(VectorFiles.sibling(file, "bin")), ChainParams.tiny());
        DisputesVectors.TestCase j = DisputesJson.read(file, ChainParams.tiny());
        assertEquals(Optional.empty(), DisputesVectors.diff(b.preState(), j.preState(), ChainParams.tiny()), "pre_state json vs bin");
        assertEquals(Optional.empty(), DisputesVectors.diff(b.postState(), j.postState(), ChainParams.tiny()), "post_state json vs bin");
        assertEquals(String.valueOf(b.output() instanceof DisputesVectors.Output.Err e ? e.error() : "ok"),
                String.valueOf(j.output() instanceof DisputesVectors.Output.Err e ? e.error() : "ok"));
        assertEquals(Optional.empty(), DisputesVectors.check(j, ChainParams.tiny(), Ed25519::verify));
    }
}
