package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleState;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The ring root γ_z (GP §6.5, eq. 6.13: the commitment to the Bandersnatch keys of γ_k) recomputed from the key
 * set for the pre-state and the post-state of every Safrole vector, tiny (6 keys, domain 512) and full
 * (1023 keys, domain 2048).
 */
class RingRootVectorsTest {
    static Stream<Arguments> tiny() {
        return VectorFiles.cases("safrole", "tiny", "bin");
    }

    static Stream<Arguments> full() {
        return VectorFiles.cases("safrole", "full", "bin");
    }

    private static List<byte[]> bandersnatchKeys(ValidatorKeys keys) {
        List<byte[]> out = new ArrayList<>(keys.size());
        for (ValidatorKey k : keys.keys()) {
            out.add(k.bandersnatch().bytes());
        }
        return out;
    }

    private static void check(Path file, ChainParams c) {
        StfSubsystem.TestCase<SafroleInput, SafroleState> tc = new SafroleVectors(BandersnatchRing.shared()).decode(VectorFiles.read(file), c);
        BandersnatchRing ring = BandersnatchRing.shared();
        assertTrue(tc.preState().gammaK().size() == c.validatorsCount());
        assertArrayEquals(tc.preState().gammaZ().bytes(), ring.ringRoot(bandersnatchKeys(tc.preState().gammaK())),
                "pre-state gamma_z");
        assertArrayEquals(tc.postState().gammaZ().bytes(), ring.ringRoot(bandersnatchKeys(tc.postState().gammaK())),
                "post-state gamma_z");
    }

    @ParameterizedTest(name = "tiny {0}")
    @MethodSource("tiny")
    void tiny(String name, Path file) {
        check(file, ChainParams.tiny());
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("full")
    void full(String name, Path file) {
        check(file, ChainParams.full());
    }
}
