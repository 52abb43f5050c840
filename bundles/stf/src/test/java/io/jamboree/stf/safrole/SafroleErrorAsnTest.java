package io.jamboree.stf.safrole;

import io.jamboree.stf.VectorFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.stf.disputes.DisputesError;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Safrole and disputes error enums list the .asn {@code ErrorCode} items with the same names and codes. */
class SafroleErrorAsnTest {

    private static final Pattern ITEM = Pattern.compile("^\\s*([a-z0-9-]+)\\s*\\((\\d+)\\)");

    /** The {@code name(code)} items of {@code ErrorCode ::= ENUMERATED {…}} in stf/&lt;subsystem&gt;/&lt;subsystem&gt;.asn. */
    static List<String> asn(String subsystem) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(
                VectorFiles.root().resolve("stf").resolve(subsystem).resolve(subsystem + ".asn"))) {
            if (line.contains("ErrorCode ::= ENUMERATED")) {
                inside = true;
            } else if (inside && line.contains("}")) {
                break;
            } else if (inside) {
                Matcher m = ITEM.matcher(line);
                if (m.find()) {
                    out.add(m.group(1) + "(" + m.group(2) + ")");
                }
            }
        }
        return out;
    }

    @Test
    void safrole() throws IOException {
        List<String> ours = new ArrayList<>();
        for (SafroleError e : SafroleError.values()) {
            ours.add(e.asnName() + "(" + e.ordinal() + ")");
        }
        assertEquals(asn("safrole"), ours);
    }

    @Test
    void disputes() throws IOException {
        List<String> ours = new ArrayList<>();
        for (DisputesError e : DisputesError.values()) {
            ours.add(e.asnName() + "(" + e.ordinal() + ")");
        }
        assertEquals(asn("disputes"), ours);
    }
}
