package io.jamboree.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dev validator selections of {@code --dev-validators} and the keystore configuration. */
class DevValidatorRangeTest {
    @Test
    void parsesAndFormats() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), DevValidatorRange.parse("0-5").indices());
        assertEquals(List.of(3L), DevValidatorRange.parse("3").indices());
        assertEquals(List.of(5L, 0L, 1L, 2L, 7L, 8L), DevValidatorRange.parse("5,0-2, 7-8,1").indices());
        assertEquals("0-2,5,7-8", DevValidatorRange.of(List.of(0, 1, 2, 5, 7, 8)).format());
        assertEquals("0-1022", DevValidatorRange.parse("0-1022").format());
        assertTrue(DevValidatorRange.parse("").indices().isEmpty());
        assertTrue(DevValidatorRange.parse(null).indices().isEmpty());
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(KeystoreException.class, () -> DevValidatorRange.parse("0-x"));
        assertTrue(e.getMessage().contains("'0-x'"), e.getMessage());
        assertThrows(KeystoreException.class, () -> DevValidatorRange.parse("5-2"));
        assertThrows(KeystoreException.class, () -> DevValidatorRange.parse("0-1023"));
    }
}
