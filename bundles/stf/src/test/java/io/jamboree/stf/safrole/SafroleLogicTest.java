package io.jamboree.stf.safrole;

import io.jamboree.stf.VectorFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The non-cryptographic Safrole logic (GP §6) on every vector, with the ring operations replaced by an oracle
 * taken from the vector itself: the ring root is the vector's posterior γ_z and every ring proof is taken as
 * valid with output Y read from its leading output point. Cases whose expected outcome is
 * {@code bad-ticket-proof} are skipped. This is NOT the conformance check ({@link SafroleVectorsTest} is).
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
        SafroleVectors.TestCase tc = SafroleVectors.decode(VectorFiles.read(file), c);
        assumeFalse(tc.output() instanceof SafroleVectors.Output.Err(SafroleError e)
                && e == SafroleError.BAD_TICKET_PROOF, "needs ring VRF verification");
        byte[] root = tc.postState().gammaZ().bytes();
        RingVrf oracle = new RingVrf() {
            @Override
            public byte[] ringRoot(List<byte[]> keys) {
                return root;
            }

            @Override
            public byte[] verify(byte[] ringRoot, int ringSize, byte[] context, byte[] proof) {
                return BandersnatchVrf.vrfOutput(proof);
            }
        };
        SafroleState before = SafroleVectors.decode(VectorFiles.read(file), c).preState();
        assertEquals(Optional.empty(), SafroleVectors.check(tc, c, oracle));
        assertEquals(Optional.empty(), SafroleVectors.diff(before, tc.preState(), c), "the prior state was mutated");
    }
}
