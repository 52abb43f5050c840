package io.jamboree.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogLevelsTest {
    @Test
    void defaultAndPrefixLevels() {
        Map<String, String> l = LogLevels.parse("warn, io.jamboree.network=debug,io.jamboree.sync=trace");
        assertEquals(Map.of("", "warn", "io.jamboree.network", "debug", "io.jamboree.sync", "trace"), l);
        assertEquals(Map.of("io.jamboree.rpc", "debug"), LogLevels.parse("io.jamboree.rpc=debug"));
    }

    @Test
    void badEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LogLevels.parse(""));
        assertThrows(IllegalArgumentException.class, () -> LogLevels.parse("io..x=debug"));
    }

    @Test
    void theOptionIsFoundAnywhereInTheArguments() {
        assertEquals("debug", LogLevels.given(new String[] {"run", "--slots", "3", "--log-level", "debug"}));
        assertEquals("info,a.b=warn", LogLevels.given(new String[] {"--log-level=info,a.b=warn", "run"}));
        assertNull(LogLevels.given(new String[] {"run", "--log-level"}));
    }
}
