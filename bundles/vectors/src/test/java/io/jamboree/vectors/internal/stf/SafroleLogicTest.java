package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.RingVrf;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;


/**
 * The Safrole logic (GP §6) on every vector with the ring root O replaced by an oracle taken from the vector
 * itself (the posterior γ_z); ring proofs are checked by the real ring VRF verifier (§6.7, eq. 6.29), which the
 * {@code bad-ticket-proof} cases need. This is NOT the conformance check ({@link SafroleVectorsTest} is).
 */
class SafroleLogicTest {

    static Stream<Arguments> tinyBin() {
        return VectorFiles.cases("safrole", "tiny", "bin");
    }

    static Stream<Arguments> fullBin() {
        return VectorFiles.cases("safrole", "full", "bin");
    }

    @ParameterizedTest(name = "tiny {0}")
    @MethodSource("tinyBin")
    void tiny(String name, Path file) {
        run(file, ChainParams.tiny());
    }

    @ParameterizedTest(name = "full {0}")
    @MethodSource("fullBin")
    void full(String name, Path file) {
        run(file, ChainParams.full());
    }

    private static void run(Path file, ChainParams c) {
        StfSubsystem.TestCase<SafroleInput, SafroleState> tc = new SafroleVectors(BandersnatchRing.shared()).decode(VectorFiles.read(file), c);
        byte[] root = tc.postState().gammaZ().bytes();
        RingVrf oracle = new RingVrf() {
            @Override
            public byte[] ringRoot(List<byte[]> keys) {
                return root;
            }

            @Override
            public byte[] verify(byte[] ringRoot, int ringSize, byte[] context, byte[] proof) {
                return BandersnatchRing.shared().verify(ringRoot, ringSize, context, proof);
            }
        };
        SafroleVectors withOracle = new SafroleVectors(oracle);
        StfSubsystem.TestCase<SafroleInput, SafroleState> before = withOracle.decode(VectorFiles.read(file), c);
        assertEquals(Optional.empty(), StfCheck.check(withOracle, tc, c));
        StfAsserts.samePreStates(withOracle, before, tc, c);
    }
}
