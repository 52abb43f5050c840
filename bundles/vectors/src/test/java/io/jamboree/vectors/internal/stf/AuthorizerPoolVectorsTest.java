package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.authorizations.AuthorizationInput;
import io.jamboree.stf.authorizations.AuthorizationState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** Every authorizations vector (GP §8), tiny (bin and json) and full (bin). */
class AuthorizerPoolVectorsTest {

    static Stream<Arguments> tinyBin() {
        return VectorFiles.cases("authorizations", "tiny", "bin");
    }

    static Stream<Arguments> fullBin() {
        return VectorFiles.cases("authorizations", "full", "bin");
    }

    static Stream<Arguments> tinyJson() {
        return VectorFiles.cases("authorizations", "tiny", "json");
    }

    @ParameterizedTest(name = "tiny {0}")
    @MethodSource("tinyBin")
    void tiny(String name, Path file) {
        assertEquals(Optional.empty(), StfCheck.check(AuthorizationVectors.INSTANCE, VectorFiles.read(file), ChainParams.tiny()));
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("fullBin")
    void full(String name, Path file) {
        assertEquals(Optional.empty(), StfCheck.check(AuthorizationVectors.INSTANCE, VectorFiles.read(file), ChainParams.full()));
    }

    @ParameterizedTest(name = "json {0}")
    @MethodSource("tinyJson")
    void json(String name, Path file) throws Exception {
        StfSubsystem.TestCase<AuthorizationInput, AuthorizationState> j = AuthorizationJson.read(file);
        StfSubsystem.TestCase<AuthorizationInput, AuthorizationState> b = AuthorizationVectors.INSTANCE.decode(VectorFiles.read(VectorFiles.sibling(file, "bin")), ChainParams.tiny());
        StfAsserts.sameStates(AuthorizationVectors.INSTANCE, b, j, ChainParams.tiny());
        assertEquals(b.input().slot(), j.input().slot());
        assertEquals(Optional.empty(), StfCheck.check(AuthorizationVectors.INSTANCE, j, ChainParams.tiny()));
    }
}
