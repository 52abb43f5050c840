package io.jamboree.importer.internal.cli;

import io.jamboree.importer.trace.TraceFormatException;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed JSON trace steps are reported with the JSON path and the line and column: a file cut off in the middle
 * of the pre-state's key/values, a renamed header field, and a header field of the wrong type (fallback step 1, whose
 * header slot is on line 96).
 */
class TraceJsonErrorsTest {
    @TempDir
    Path tmp;

    private String original() throws IOException {
        return Files.readString(TraceImportTest.fallback().resolve("00000001.json"), StandardCharsets.UTF_8);
    }

    private String error(String json) throws IOException {
        Path f = tmp.resolve("00000001.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> new TraceFileReader(ChainParams.tiny()).step(f));
        return e.getMessage();
    }

    @Test
    void fileCutOffMidArrayNamesTheArrayAndLine() throws IOException {
        String json = original();
        int cut = json.indexOf("\"value\"", json.indexOf("\"keyvals\"")) + 3; // inside the first key/value
        String m = error(json.substring(0, cut));
        assertTrue(m.contains("invalid JSON at pre_state.keyvals[0]"), m);
        assertTrue(m.contains("(line 7, column "), m);
        assertTrue(!m.contains("offset -1"), m);
    }

    @Test
    void renamedFieldNamesItsPathAndTheEnclosingObjectsLine() throws IOException {
        String m = error(original().replace("\"slot\": 1,", "\"slott\": 1,"));
        assertTrue(m.contains("at block.header.slot (line "), m);
        assertTrue(m.contains("missing field 'slot'"), m);
    }

    @Test
    void wrongTypeNamesItsPathLineAndColumn() throws IOException {
        String m = error(original().replace("\"slot\": 1,", "\"slot\": \"1\","));
        assertTrue(m.contains("at block.header.slot (line 96, column 21)"), m);
        assertTrue(m.contains("expected an integer, got string"), m);
    }
}
