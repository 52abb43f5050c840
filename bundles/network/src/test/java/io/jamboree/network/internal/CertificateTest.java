package io.jamboree.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.keystore.DevKeys;
import io.jamboree.network.PeerId;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** The node certificate (JAMNP-S "Encryption and handshake") and the checks of a peer's one. */
final class CertificateTest {

    @Test
    void selfSignedCertificateOfADevValidator() throws Exception {
        var s = DevKeys.secrets(1);
        NodeCertificate c = NodeCertificate.selfSigned(s.ed25519SecretSeed(), s.ed25519Public());
        X509Certificate x = c.certificate();
        assertEquals("1.3.101.112", x.getSigAlgOID());
        x.verify(x.getPublicKey()); // self-signed with the node key
        assertEquals(1, x.getSubjectAlternativeNames().size());
        assertEquals(s.altName(), x.getSubjectAlternativeNames().iterator().next().get(1));
        assertEquals(PeerId.of(s.ed25519()), CertificateCheck.peerOf(new X509Certificate[] {x}));
    }

    @Test
    void certificateWhoseNameIsAnotherKeysIsRefused() throws Exception {
        var s = DevKeys.secrets(1);
        NodeCertificate c = NodeCertificate.withAltName(s.ed25519SecretSeed(), s.ed25519Public(), DevKeys.secrets(2).altName());
        CertificateException e = assertThrows(CertificateException.class,
                () -> CertificateCheck.peerOf(new X509Certificate[] {c.certificate()}));
        assertTrue(e.getMessage().contains("is not that of its key"), e.getMessage());
        assertThrows(CertificateException.class, () -> CertificateCheck.peerOf(new X509Certificate[0]));
    }

    @Test
    void nonEd25519CertificateIsRefused() throws Exception {
        var kp = KeyPairGenerator.getInstance("EC").generateKeyPair();
        var name = new org.bouncycastle.asn1.x500.X500Name("CN=x");
        var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 3_600_000), name, kp.getPublic());
        X509Certificate x = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                b.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        CertificateException e = assertThrows(CertificateException.class,
                () -> CertificateCheck.peerOf(new X509Certificate[] {x}));
        assertTrue(e.getMessage().contains("Ed25519"), e.getMessage());
    }

    @Test
    void bootnodes() {
        String alt = DevKeys.secrets(4).altName();
        Bootnode b = Bootnode.parse(alt + "@127.0.0.1:40004");
        assertEquals(PeerId.of(DevKeys.secrets(4).ed25519()), b.id());
        assertEquals(40_004, b.address().getPort());
        Bootnode v6 = Bootnode.parse(alt + "@[::1]:40004");
        assertEquals(40_004, v6.address().getPort());
        assertThrows(IllegalArgumentException.class, () -> Bootnode.parse(alt + "@127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Bootnode.parse(alt + "@127.0.0.1:0"));
        assertThrows(IllegalArgumentException.class, () -> Bootnode.parse("e123@127.0.0.1:1"));
        assertThrows(IllegalArgumentException.class, () -> Bootnode.parse("127.0.0.1:1"));
    }

    @Test
    void alpnNamesTheGenesis() throws Exception {
        NetworkSettings s = Nodes.settings(0);
        // Nodes.GENESIS starts a0 a1 a2 a3
        assertEquals("jamnp-s/0/a0a1a2a3", s.alpn());
    }
}
