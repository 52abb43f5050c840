package io.jamboree.vectors.internal.stf;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Hash;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The vector checks must notice a changed post-state octet and a truncated file, not just pass. */
class VectorCheckersDetectDifferencesTest {

    private static void assertDetects(String subsystem, String file,
            BiFunction<byte[], ChainParams, Optional<String>> check) {
        Path f = VectorFiles.stf().resolve(subsystem).resolve("tiny").resolve(file);
        byte[] bin = VectorFiles.read(f);
        assertEquals(Optional.empty(), check.apply(bin, ChainParams.tiny()), file);

        // the last octet belongs to the post-state (the last field of every State)
        byte[] flipped = bin.clone();
        flipped[flipped.length - 1] ^= 0x01;
        Optional<String> d = check.apply(flipped, ChainParams.tiny());
        assertTrue(d.isPresent(), "flipped post-state octet not detected in " + file);
        assertTrue(d.get().contains("post_state") || d.get().contains("undecodable"), d.get());

        Optional<String> t = check.apply(Arrays.copyOf(bin, bin.length - 1), ChainParams.tiny());
        assertTrue(t.isPresent() && t.get().startsWith("undecodable"), "truncation not detected in " + file);
    }

    @Test
    void reports() {
        assertDetects("reports", "multiple_reports-1.bin", (b, q) -> StfCheck.check(ReportsVectors.INSTANCE, b, q));
    }

    @Test
    void assurances() {
        assertDetects("assurances", "some_assurances-1.bin", (b, q) -> StfCheck.check(AssurancesVectors.INSTANCE, b, q));
    }

    @Test
    void preimages() {
        assertDetects("preimages", "preimage_needed-2.bin", (b, q) -> StfCheck.check(PreimagesVectors.INSTANCE, b, q));
    }

    @Test
    void statistics() {
        assertDetects("statistics", "stats_with_some_extrinsic-1.bin", (b, q) -> StfCheck.check(StatisticsVectors.INSTANCE, b, q));
    }

    @Test
    void accumulate() {
        PvmEngine engine = new InterpreterEngine();
        assertDetects("accumulate", "accumulate_ready_queued_reports-1.bin", (b, q) -> AccumulateVectors.check(b, q,
                new PvmInvocationsComponent().accumulation(engine)));
    }

    @Test
    void accumulateOutputRoot() {
        Path f = VectorFiles.stf().resolve("accumulate").resolve("tiny").resolve("accumulate_ready_queued_reports-1.bin");
        AccumulateVectors.TestCase tc = AccumulateVectors.TestCase.decode(VectorFiles.read(f), ChainParams.tiny());
        byte[] root = tc.output().bytes().clone();
        root[0] ^= 0x01;
        Optional<String> d = AccumulateVectors.check(new AccumulateVectors.TestCase(tc.slot(), tc.reports(),
                tc.preState(), new Hash(root), tc.postState()), ChainParams.tiny(),
                new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        assertTrue(d.isPresent() && d.get().startsWith("output differs at octet 0"), String.valueOf(d));
    }

    @Test
    void wrongConfigurationFails() {
        Path f = VectorFiles.stf().resolve("reports").resolve("tiny").resolve("multiple_reports-1.bin");
        assertTrue(StfCheck.check(ReportsVectors.INSTANCE, VectorFiles.read(f), ChainParams.full()).isPresent());
    }
}
