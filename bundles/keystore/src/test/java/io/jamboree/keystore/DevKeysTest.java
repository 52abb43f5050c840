package io.jamboree.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.types.ValidatorKey;
import org.junit.jupiter.api.Test;

/** The six dev accounts published in jam-docs "Dev Accounts" (dev-accounts.md) and JIP-5's test vectors. */
class DevKeysTest {
    // name, seed, ed25519_secret_seed, ed25519_public, bandersnatch_secret_seed, bandersnatch_public, dns_alt_name
    // copied from jam-docs dev-accounts.md
    private static final String[][] PUBLISHED = {
        {"Alice", "0x0000000000000000000000000000000000000000000000000000000000000000",
         "0x996542becdf1e78278dc795679c825faca2e9ed2bf101bf3c4a236d3ed79cf59",
         "0x4418fb8c85bb3985394a8c2756d3643457ce614546202a2f50b093d762499ace",
         "0x007596986419e027e65499cc87027a236bf4a78b5e8bd7f675759d73e7a9c799",
         "0xff71c6c03ff88adb5ed52c9681de1629a54e702fc14729f6b50d2f0a76f185b3",
         "eecgwpgwq3noky4ijm4jmvjtmuzv44qvigciusxakq5epnrfj2utb"},
        {"Bob", "0x0100000001000000010000000100000001000000010000000100000001000000",
         "0xb81e308145d97464d2bc92d35d227a9e62241a16451af6da5053e309be4f91d7",
         "0xad93247bd01307550ec7acd757ce6fb805fcf73db364063265b30a949e90d933",
         "0x12ca375c9242101c99ad5fafe8997411f112ae10e0e5b7c4589e107c433700ac",
         "0xdee6d555b82024f1ccf8a1e37e60fa60fd40b1958c4bb3006af78647950e1b91",
         "en5ejs5b2tybkfh4ym5vpfh7nynby73xhtfzmazumtvcijpcsz6ma"},
        {"Carol", "0x0200000002000000020000000200000002000000020000000200000002000000",
         "0x0093c8c10a88ebbc99b35b72897a26d259313ee9bad97436a437d2e43aaafa0f",
         "0xcab2b9ff25c2410fbe9b8a717abb298c716a03983c98ceb4def2087500b8e341",
         "0x3d71dc0ffd02d90524fda3e4a220e7ec514a258c59457d3077ce4d4f003fd98a",
         "0x9326edb21e5541717fde24ec085000b28709847b8aab1ac51f84e94b37ca1b66",
         "ekwmt37xecoq6a7otkm4ux5gfmm4uwbat4bg5m223shckhaaxdpqa"},
        {"David", "0x0300000003000000030000000300000003000000030000000300000003000000",
         "0x69b3a7031787e12bfbdcac1b7a737b3e5a9f9450c37e215f6d3b57730e21001a",
         "0xf30aa5444688b3cab47697b37d5cac5707bb3289e986b19b17db437206931a8d",
         "0x107a9148b39a1099eeaee13ac0e3c6b9c256258b51c967747af0f8749398a276",
         "0x0746846d17469fb2f95ef365efcab9f4e22fa1feb53111c995376be8019981cc",
         "etxckkczii4mvm22ox4m3horvx2bwlzerjxbd3n6c36qehdms2idb"},
        {"Eve", "0x0400000004000000040000000400000004000000040000000400000004000000",
         "0xb4de9ebf8db5428930baa5a98d26679ab2a03eae7c791d582e6b75b7f018d0d4",
         "0x8b8c5d436f92ecf605421e873a99ec528761eb52a88a2f9a057b3b3003e6f32a",
         "0x0bb36f5ba8e3ba602781bb714e67182410440ce18aa800c4cb4dd22525b70409",
         "0x151e5c8fe2b9d8a606966a79edd2f9e5db47e83947ce368ccba53bf6ba20a40b",
         "eled3vb5nse3n7cii6ybvtms5s2bdwvlkivc7cnwa33oatby4txka"},
        {"Fergie", "0x0500000005000000050000000500000005000000050000000500000005000000",
         "0x4a6482f8f479e3ba2b845f8cef284f4b3208ba3241ed82caa1b5ce9fc6281730",
         "0xab0084d01534b31c1dd87c81645fd762482a90027754041ca1b56133d0466c06",
         "0x75e73b8364bf4753c5802021c6aa6548cddb63fe668e3cacf7b48cdb6824bb09",
         "0x2105650944fcd101621fd5bb3124c9fd191d114b7ad936c1d79d734f9f21392e",
         "elfaiiixcuzmzroa34lajwp52cdsucikaxdviaoeuvnygdi3imtba"},
    };

    @Test
    void allSixPublishedDevAccounts() {
        for (int i = 0; i < PUBLISHED.length; i++) {
            String[] a = PUBLISHED[i];
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
