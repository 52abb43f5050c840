package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.Ed25519;
import io.jamboree.stf.disputes.Disputes;
import io.jamboree.stf.disputes.DisputesState;
import io.jamboree.types.DisputesExtrinsic;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** Every disputes vector (GP §10), tiny (bin and json) and full (bin). */
class DisputesVectorsTest {

    private static final DisputesVectors DISPUTES = new DisputesVectors(Ed25519::verify);

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
        assertEquals(Optional.empty(), StfCheck.check(DISPUTES, VectorFiles.read(file), ChainParams.tiny()));
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> tc = DISPUTES.decode(VectorFiles.read(file), ChainParams.tiny());
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> before = DISPUTES.decode(VectorFiles.read(file), ChainParams.tiny());
        new Disputes(Ed25519::verify, ChainParams.tiny()).apply(tc.preState(), tc.input());
        StfAsserts.samePreStates(DISPUTES, before, tc, ChainParams.tiny());
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("fullBin")
    void full(String name, Path file) {
        assertEquals(Optional.empty(), StfCheck.check(DISPUTES, VectorFiles.read(file), ChainParams.full()));
    }

    @ParameterizedTest(name = "json {0}")
    @MethodSource("tinyJson")
    void json(String name, Path file) throws Exception {
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> b = DISPUTES.decode(VectorFiles.read(VectorFiles.sibling(file, "bin")), ChainParams.tiny());
        StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> j = DisputesJson.read(file, ChainParams.tiny());
        StfAsserts.sameStates(DISPUTES, b, j, ChainParams.tiny());
        assertEquals(Optional.empty(), StfCheck.compare("output json vs bin", b.output(), j.output()));
        assertEquals(Optional.empty(), StfCheck.check(DISPUTES, j, ChainParams.tiny()));
    }
}
