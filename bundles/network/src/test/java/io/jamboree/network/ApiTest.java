package io.jamboree.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.Hex;
import io.jamboree.core.vectors.SharedFolder;
import io.jamboree.keystore.DevKeys;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The API's data: alternative names, the Preferred Initiator, the grid, validator endpoints, stream kinds. */
final class ApiTest {

    /** jam-docs "Dev Accounts": every published dns_alt_name parses back to its published Ed25519 key. */
    @Test
    void altNamesOfTheDevAccountsParseBackToTheirKeys() {
        String doc = SharedFolder.read("spec/jam-docs/dev-accounts.md");
        Matcher pub = Pattern.compile("ed25519_public:\\s*(0x[0-9a-f]{64})").matcher(doc);
        Matcher alt = Pattern.compile("dns_alt_name:\\s*\"([a-z2-7]+)\"").matcher(doc);
        int n = 0;
        while (pub.find() && alt.find()) {
            PeerId id = PeerId.ofAltName(alt.group(1));
            assertArrayEquals(Hex.decode(pub.group(1)), id.key());
            assertEquals(alt.group(1), id.altName());
            n++;
        }
        assertTrue(n >= 6, "the six dev accounts (the page shows them more than once), found " + n);
        assertEquals(PeerId.of(DevKeys.secrets(3).ed25519()), PeerId.ofAltName(DevKeys.secrets(3).altName()));
    }

    @Test
    void badAltNamesAreRefused() {
        String good = DevKeys.secrets(0).altName();
        assertThrows(IllegalArgumentException.class, () -> PeerId.ofAltName(good.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> PeerId.ofAltName("x" + good.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> PeerId.ofAltName(good.substring(0, 52) + "1"));
        // the 52nd digit holds bits 255..259: only its lowest bit may be set
        assertThrows(IllegalArgumentException.class, () -> PeerId.ofAltName(good.substring(0, 52) + "c"));
        assertThrows(IllegalArgumentException.class, () -> new PeerId(new byte[31]));
    }

    /** JAMNP-S "Required connectivity": P(a, b) by its formula, the same for both orders. */
    @Test
    void preferredInitiator() {
        byte[] k0 = new byte[32];
        byte[] k1 = new byte[32];
        k1[0] = 1;
        PeerId a = new PeerId(k0);
        PeerId b = new PeerId(k1);
        // a31, b31 <= 127 and a < b: a
        assertEquals(a, PeerId.preferredInitiator(a, b));
        assertEquals(a, PeerId.preferredInitiator(b, a));
        // b31 > 127 flips it
        byte[] k2 = new byte[32];
        k2[31] = (byte) 0x80;
        PeerId c = new PeerId(k2);
        assertEquals(c, PeerId.preferredInitiator(a, c));
        assertEquals(c, PeerId.preferredInitiator(c, a));
        // the dev validators: every pair agrees, both sides initiate sometimes
        int firsts = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                PeerId x = PeerId.of(DevKeys.secrets(i).ed25519());
                PeerId y = PeerId.of(DevKeys.secrets(j).ed25519());
                assertEquals(PeerId.preferredInitiator(x, y), PeerId.preferredInitiator(y, x));
                firsts += PeerId.preferredInitiator(x, y).equals(x) ? 1 : 0;
            }
        }
        assertTrue(firsts > 0 && firsts < 15, "P is not an order of the keys: " + firsts);
    }

    /**
     * jam-docs "Block Propagation Grid": the published neighbours of validator 32 at grid coordinate (1, 1) of a
     * 31 x 31 grid (coordinates 0..30 in both directions, so V = 961 with W = 31).
     */
    @Test
    void gridMatchesThePublishedExample() {
        String doc = SharedFolder.read("spec/jam-docs/simple-networking-conn_grid.md");
        Matcher m = Pattern.compile("`\\[(\\d+(?:, \\d+)+)\\]`").matcher(doc);
        assertTrue(m.find(), "the doc lists the neighbours' indices");
        TreeSet<Integer> published = new TreeSet<>();
        for (String s : m.group(1).split(", ")) {
            published.add(Integer.parseInt(s));
        }
        Grid g = new Grid(961);
        assertEquals(31, g.width());
        assertEquals(31, new Grid(1023).width());
        TreeSet<Integer> ours = new TreeSet<>();
        for (int i = 0; i < 961; i++) {
            if (g.neighbours(32, i)) {
                ours.add(i);
            }
        }
        assertEquals(published, ours);
        assertEquals(2, new Grid(6).width());
        assertTrue(new Grid(6).neighbours(0, 4));
        assertFalse(new Grid(6).neighbours(0, 3));
        assertTrue(Grid.neighboursAcrossEpochs(5, 5));
    }

    /** DevKeys' metadata: ::ffff:127.0.0.1 port 40000 + i. */
    @Test
    void validatorEndpointFromMetadata() {
        InetSocketAddress a = ValidatorPeer.endpointOf(DevKeys.metadata(3).bytes());
        assertEquals("127.0.0.1", a.getAddress().getHostAddress());
        assertEquals(40_003, a.getPort());
        assertThrows(IllegalArgumentException.class, () -> ValidatorPeer.endpointOf(new byte[18]));
        assertThrows(IllegalArgumentException.class, () -> ValidatorPeer.endpointOf(new byte[17]));
    }

    @Test
    void streamKinds() {
        assertTrue(StreamKind.of(0).isUnique());
        assertTrue(StreamKind.of(127).isUnique());
        assertTrue(StreamKind.of(128).isEphemeral());
        assertEquals("CE 128", StreamKind.of(128).toString());
        assertThrows(IllegalArgumentException.class, () -> StreamKind.of(256));
        assertThrows(IllegalArgumentException.class, () -> StreamKind.of(-1));
        List<StreamKind> l = new ArrayList<>(List.of(StreamKind.of(3), StreamKind.of(1)));
        l.sort(null);
        assertEquals(StreamKind.of(1), l.get(0));
    }
}
