package io.jamboree.fuzz.internal.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures of {@code jam bench}: nearest-rank quantiles of {@link StepTimes}, and which trace folders it plays. */
class BenchFiguresTest {
    @Test
    void quantilesByNearestRank() {
        StepTimes t = new StepTimes();
        for (int i = 100; i >= 1; i--) {
            t.add(i * 1_000_000L); // 1..100 ms, out of order
        }
        assertEquals(99.0, t.quantileMillis(0.99));
        assertEquals(50.0, t.quantileMillis(0.50));
        assertEquals(100.0, t.quantileMillis(1.0));
        assertEquals(1.0, t.quantileMillis(0.001));
        assertEquals(100.0, t.nanos(0) / 1e6);
        StepTimes both = new StepTimes();
        both.addAll(t);
        both.addAll(t);
        assertEquals(200, both.count());
        assertEquals(50.5, both.meanMillis(), 1e-9);
        assertEquals(0.0, new StepTimes().quantileMillis(0.99));
    }

    @Test
    void theTracesFolderStandsForThePublicTracesInTheFuzzersOrder(@TempDir Path dir) throws Exception {
        for (String n : List.of("storage", "fallback", "preimages_light", "safrole")) {
            Files.createDirectories(dir.resolve(n));
        }
        assertEquals(List.of(dir.resolve("fallback"), dir.resolve("safrole"), dir.resolve("storage"), dir.resolve("preimages_light")),
                BenchCommand.expand(dir));
        Path one = dir.resolve("storage");
        Files.write(one.resolve("genesis.bin"), new byte[1]);
        assertEquals(List.of(one), BenchCommand.expand(one));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.expand(dir.resolve("absent")));
    }

    @Test
    void pvmEnginesAreACommaList() {
        assertEquals(List.of("interpreter", "tiered"), BenchCommand.engines("interpreter,tiered"));
        assertEquals(List.of("recompiler"), BenchCommand.engines("recompiler"));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.engines("tiered,tiered"));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.engines("interpreter,"));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.engines("--rounds"));
    }
}
