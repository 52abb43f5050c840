package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.vectors.KnownFailures;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The bundle's single known-failures list ({@link KnownFailures#bundled()}), so that these unit tests tolerate
 * exactly the vectors {@code jam test-vectors} tolerates, with the same reasons.
 */
final class KnownFailuresFile {
    private static final KnownFailures LIST = KnownFailures.bundled();

    private KnownFailuresFile() {}

    /**
     * Asserts that the vector passes, unless it is listed as {@code stf/safrole/CONFIG/FILE.bin}: then it must
     * still fail (a listed vector that passes must be removed from the list) and the test is reported as
     * aborted with the recorded reason.
     */
    static void expectPass(String config, String binName, Optional<String> difference) {
        String id = "safrole/" + config + "/" + binName;
        Optional<String> reason = LIST.reason("stf", id);
        if (reason.isPresent()) {
            assertTrue(difference.isPresent(), "stf/" + id + " is listed in known-failures.txt but passes: remove the entry");
            System.out.println("KNOWN FAILURE stf/" + id + ": " + reason.get());
            Assumptions.abort("known failure (" + reason.get() + "): " + difference.get());
        }
        assertEquals(Optional.empty(), difference);
    }
}
