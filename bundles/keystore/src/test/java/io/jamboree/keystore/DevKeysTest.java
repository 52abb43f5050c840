package io.jamboree.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.core.vectors.SharedFolder;
import io.jamboree.types.ValidatorKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The six dev accounts published in jam-docs "Dev Accounts" (dev-accounts.md) and JIP-5's test vectors. */
class DevKeysTest {
    /** The fields of each account, in the order the test reads them (after the name). */
    private static final List<String> FIELDS = List.of("seed", "ed25519_secret_seed", "ed25519_public", "bandersnatch_secret_seed",
            "bandersnatch_public", "dns_alt_name");

    /**
     * The accounts of jam-docs dev-accounts.md, read from the shared reference folder: per account its name, then
     * {@link #FIELDS}.
     */
    private static List<String[]> published() {
        List<String[]> accounts = new ArrayList<>();
        String[] current = null;
        for (String line : SharedFolder.read("spec/jam-docs/dev-accounts.md").split("\n")) {
            Matcher name = Pattern.compile("^(\\w+):\\s*$").matcher(line);
            Matcher field = Pattern.compile("^\\s+(\\w+):\\s*\"?([^\"]*)\"?\\s*$").matcher(line);
            if (name.matches()) {
                current = new String[1 + FIELDS.size()];
                current[0] = name.group(1);
                accounts.add(current);
            } else if (current != null && field.matches() && FIELDS.contains(field.group(1))) {
                current[1 + FIELDS.indexOf(field.group(1))] = field.group(2);
            }
        }
        assertEquals(6, accounts.size(), "dev-accounts.md names six accounts");
        return accounts;
    }

    @Test
    void allSixPublishedDevAccounts() {
        List<String[]> published = published();
        for (int i = 0; i < published.size(); i++) {
            String[] a = published.get(i);
            assertEquals(a[0], DevKeys.name(i));
            assertArrayEquals(Hex.decode(a[1]), DevKeys.seed(i), a[0] + " seed");
            ValidatorSecrets s = DevKeys.secrets(i);
            assertArrayEquals(Hex.decode(a[1]), s.seed(), a[0] + " seed");
            assertArrayEquals(Hex.decode(a[2]), s.ed25519SecretSeed(), a[0] + " ed25519_secret_seed");
            assertArrayEquals(Hex.decode(a[3]), s.ed25519Public(), a[0] + " ed25519_public");
            assertArrayEquals(Hex.decode(a[4]), s.bandersnatchSecretSeed(), a[0] + " bandersnatch_secret_seed");
            assertArrayEquals(Hex.decode(a[5]), s.bandersnatchPublic(), a[0] + " bandersnatch_public");
            assertEquals(a[6], s.altName(), a[0] + " dns_alt_name");
            assertEquals(a[6], AltName.of(Hex.decode(a[3])), a[0] + " dns_alt_name");
        }
    }

    /** JIP-5's one non-trivial seed. */
    @Test
    void jip5NonTrivialSeed() {
        ValidatorSecrets s = ValidatorSecrets.fromSeed(Hex.decode("0xf92d680ea3f0ac06307795490d8a03c5c0d4572b5e0a8cffec87e1294855d9d1"));
        assertArrayEquals(Hex.decode("0xf21e2d96a51387f9a7e5b90203654913dde7fa1044e3eba5631ed19f327d6126"), s.ed25519SecretSeed());
        assertArrayEquals(Hex.decode("0x11a695f674de95ff3daaff9a5b88c18448b10156bf88bc04200e48d5155c7243"), s.ed25519Public());
        assertArrayEquals(Hex.decode("0x06154d857537a9b622a9a94b1aeee7d588db912bfc914a8a9707148bfba3b9d1"), s.bandersnatchSecretSeed());
        assertArrayEquals(Hex.decode("0x299bdfd8d615aadd9e6c58718f9893a5144d60e897bc9da1f3d73c935715c650"), s.bandersnatchPublic());
    }

    @Test
    void toStringShowsPublicKeysOnly() {
        ValidatorSecrets s = DevKeys.secrets(0);
        String text = s.toString();
        assertTrue(text.contains(Hex.plain(s.ed25519Public())), text);
        assertTrue(text.contains(Hex.plain(s.bandersnatchPublic())), text);
        for (byte[] secret : new byte[][] {s.ed25519SecretSeed(), s.bandersnatchSecretSeed(), s.bandersnatchSecret()}) {
            assertFalse(text.contains(Hex.plain(secret)), text);
        }
        // Alice's seed is all zero: no run of 64 zero digits may appear either
        assertFalse(text.contains("0".repeat(64)), text);
    }

    @Test
    void validatorKeyLayout() {
        ValidatorKey k = DevKeys.validatorKey(1);
        assertEquals(DevKeys.secrets(1).bandersnatch(), k.bandersnatch());
        assertEquals(DevKeys.secrets(1).ed25519(), k.ed25519());
        assertArrayEquals(new byte[144], k.bls().bytes());
        byte[] m = k.metadata().bytes();
        assertEquals(0x9c41, (m[16] & 0xff) | (m[17] & 0xff) << 8, "port 40001");
    }

    @Test
    void badSeedAndIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValidatorSecrets.fromSeed(new byte[31]));
        assertTrue(e.getMessage().contains("32 octets"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DevKeys.secrets(-1));
        assertThrows(IllegalArgumentException.class, () -> DevKeys.secrets(1L << 32));
    }
}
