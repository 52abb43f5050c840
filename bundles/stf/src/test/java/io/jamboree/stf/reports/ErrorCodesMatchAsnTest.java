package io.jamboree.stf.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.stf.VectorFiles;
import io.jamboree.stf.assurances.AssurancesError;
import io.jamboree.stf.preimages.PreimagesError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The error enums carry exactly the names and codes of the vectors' {@code ErrorCode ::= ENUMERATED}. */
class ErrorCodesMatchAsnTest {

    private static final Pattern ITEM = Pattern.compile("^\\s*([a-z0-9-]+)\\s*\\((\\d+)\\)");

    private static List<String> asnErrors(String subsystem) throws IOException {
        Path asn = VectorFiles.root().resolve("stf").resolve(subsystem).resolve(subsystem + ".asn");
        List<String> lines = Files.readAllLines(asn);
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.contains("ErrorCode ::= ENUMERATED")) {
                inside = true;
            } else if (inside && line.contains("}")) {
                break;
            } else if (inside) {
                Matcher m = ITEM.matcher(line);
                if (m.find()) {
                    assertEquals(out.size(), Integer.parseInt(m.group(2)), line);
                    out.add(m.group(1).toUpperCase(Locale.ROOT).replace('-', '_'));
                }
            }
        }
        assertTrue(!out.isEmpty(), "no ErrorCode in " + asn);
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(e.name());
        }
        return out;
    }

    @Test
    void reports() throws IOException {
        assertEquals(asnErrors("reports"), names(ReportsError.values()));
    }

    @Test
    void assurances() throws IOException {
        assertEquals(asnErrors("assurances"), names(AssurancesError.values()));
    }

    @Test
    void preimages() throws IOException {
        assertEquals(asnErrors("preimages"), names(PreimagesError.values()));
    }
}
