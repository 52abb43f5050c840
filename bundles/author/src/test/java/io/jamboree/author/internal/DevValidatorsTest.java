package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dev validator selections of {@code --dev-validator(s)}. */
class DevValidatorsTest {
    @Test
    void parsesAndFormats() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5), DevValidators.parse("0-5"));
        assertEquals(List.of(3), DevValidators.parse("3"));
        assertEquals(List.of(0, 1, 2, 5, 7, 8), DevValidators.parse("5,0-2, 7-8,1"));
        assertEquals("0-2,5,7-8", DevValidators.format(List.of(0, 1, 2, 5, 7, 8)));
        assertEquals("0-1022", DevValidators.format(DevValidators.parse("0-1022")));
        assertTrue(DevValidators.parse("").isEmpty());
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> DevValidators.parse("0-x"));
        assertTrue(e.getMessage().contains("'0-x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DevValidators.parse("5-2"));
    }

    @Test
    void devKeysAreTheJamDocsAccounts() {
        // jam-docs dev-accounts.md: Alice's and Fergie's bandersnatch_public
        assertEquals("0xff71c6c03ff88adb5ed52c9681de1629a54e702fc14729f6b50d2f0a76f185b3",
                LocalKey.dev(0).publicKey().hex());
        String shown = LocalKey.dev(0).toString();
        assertTrue(!shown.contains(java.util.HexFormat.of().formatHex(LocalKey.dev(0).secret())), "no secret in toString");
    }
}
