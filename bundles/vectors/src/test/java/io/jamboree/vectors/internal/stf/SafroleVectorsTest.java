package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** Every Safrole vector (GP §6), tiny (bin and json) and full (bin). */
class SafroleVectorsTest {

    private static final SafroleVectors SAFROLE = new SafroleVectors(BandersnatchRing.shared());

    static Stream<Arguments> tinyBin() {
        return VectorFiles.cases("safrole", "tiny", "bin");
    }

    static Stream<Arguments> fullBin() {
        return VectorFiles.cases("safrole", "full", "bin");
    }

    static Stream<Arguments> tinyJson() {
        return VectorFiles.cases("safrole", "tiny", "json");
    }

    @ParameterizedTest(name = "tiny {0}")
    @MethodSource("tinyBin")
    void tiny(String name, Path file) {
        KnownFailuresFile.expectPass("tiny", name, StfCheck.check(SAFROLE, VectorFiles.read(file), ChainParams.tiny()));
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("fullBin")
    void full(String name, Path file) {
        KnownFailuresFile.expectPass("full", name, StfCheck.check(SAFROLE, VectorFiles.read(file), ChainParams.full()));
    }

    @ParameterizedTest(name = "json {0}")
    @MethodSource("tinyJson")
    void json(String name, Path file) throws Exception {
        StfSubsystem.TestCase<SafroleInput, SafroleState> j = SafroleJson.read(file);
        StfSubsystem.TestCase<SafroleInput, SafroleState> b = SAFROLE.decode(VectorFiles.read(VectorFiles.sibling(file, "bin")),
                ChainParams.tiny());
        StfAsserts.sameStates(SAFROLE, b, j, ChainParams.tiny());
        assertEquals(Optional.empty(), StfCheck.compare("output json vs bin", b.output(), j.output()));
        KnownFailuresFile.expectPass("tiny", name.replace(".json", ".bin"), StfCheck.check(SAFROLE, j, ChainParams.tiny()));
    }
}
