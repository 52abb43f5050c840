package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.history.HistoryInput;
import io.jamboree.types.RecentBlocks;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** Every recent-history vector (GP §7), tiny (bin and json) and full (bin). */
class RecentHistoryVectorsTest {

    static Stream<Arguments> tinyBin() {
        return VectorFiles.cases("history", "tiny", "bin");
    }

    static Stream<Arguments> fullBin() {
        return VectorFiles.cases("history", "full", "bin");
    }

    static Stream<Arguments> tinyJson() {
        return VectorFiles.cases("history", "tiny", "json");
    }

    @ParameterizedTest(name = "tiny {0}")
    @MethodSource("tinyBin")
    void tiny(String name, Path file) {
        assertEquals(Optional.empty(), StfCheck.check(HistoryVectors.INSTANCE, VectorFiles.read(file), ChainParams.tiny()));
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("fullBin")
    void full(String name, Path file) {
        assertEquals(Optional.empty(), StfCheck.check(HistoryVectors.INSTANCE, VectorFiles.read(file), ChainParams.full()));
    }

    @ParameterizedTest(name = "json {0}")
    @MethodSource("tinyJson")
    void json(String name, Path file) throws Exception {
        StfSubsystem.TestCase<HistoryInput, RecentBlocks> fromJson = HistoryJson.read(file);
        StfSubsystem.TestCase<HistoryInput, RecentBlocks> fromBin = HistoryVectors.INSTANCE.decode(VectorFiles.read(VectorFiles.sibling(file, "bin")), ChainParams.tiny());
        StfAsserts.sameStates(HistoryVectors.INSTANCE, fromBin, fromJson, ChainParams.tiny());
        assertEquals(Optional.empty(), StfCheck.check(HistoryVectors.INSTANCE, fromJson, ChainParams.tiny()));
    }
}
