package io.jamboree.author.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The author's dev keys (the selections of {@code --dev-validators} are the keystore's {@code DevValidatorRange}). */
class DevKeysTest {
    @Test
    void devKeysAreTheJamDocsAccounts() {
        // jam-docs dev-accounts.md: Alice's and Fergie's bandersnatch_public
        assertEquals("0xff71c6c03ff88adb5ed52c9681de1629a54e702fc14729f6b50d2f0a76f185b3",
                LocalKey.dev(0).publicKey().hex());
        String shown = LocalKey.dev(0).toString();
        assertTrue(!shown.contains(java.util.HexFormat.of().formatHex(LocalKey.dev(0).secret())), "no secret in toString");
    }
}
