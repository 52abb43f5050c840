package io.jamboree.network.internal;

import io.jamboree.keystore.AltName;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A node's TLS identity (JAMNP-S "Encryption and handshake"): its Ed25519 private key and a self-signed X.509
 * certificate on the matching public key, signed with Ed25519, whose single subject alternative name is the DNS
 * name {@code N(k)} of the key ("Alternative name").
 *
 * @param privateKey  the Ed25519 private key
 * @param certificate the self-signed certificate
 * @param key         the raw 32-octet public key
 */
public record NodeCertificate(PrivateKey privateKey, X509Certificate certificate, byte[] key) {

    /** The certificate of the key pair with secret seed {@code secretSeed} and public key {@code key}. */
    public static NodeCertificate selfSigned(byte[] secretSeed, byte[] key) throws GeneralSecurityException {
        return withAltName(secretSeed, key, AltName.of(key));
    }

    /**
     * A certificate like {@link #selfSigned} but with the alternative name {@code altName}, which need not be the
     * key's own (tests make refused certificates with it).
     */
    public static NodeCertificate withAltName(byte[] secretSeed, byte[] key, String altName) throws GeneralSecurityException {
        PrivateKey priv = Ed25519Keys.privateKey(secretSeed);
        PublicKey pub = Ed25519Keys.publicKey(key);
        X500Name name = new X500Name("CN=" + altName);
        long now = System.currentTimeMillis();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 3_600_000L),
                new Date(now + 100L * 365 * 24 * 3_600_000L), name, pub);
        try {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, altName)));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("Ed25519").build(priv)));
            return new NodeCertificate(priv, cert, key.clone());
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot build the node certificate: " + e.getMessage(), e);
        }
    }
}
