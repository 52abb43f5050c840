package io.jamboree.network.internal;

import io.jamboree.keystore.AltName;
import io.jamboree.network.PeerId;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The checks of a peer's certificate (JAMNP-S "Encryption and handshake"): an Ed25519 key, signed with Ed25519, a
 * single alternative name, a DNS name equal to {@code N(k)} of the certificate's key. Self-signing is not required
 * and not verified (the TLS handshake itself proves possession of the key).
 */
final class CertificateCheck {
    /** {@code GeneralName} tag of a DNS name (RFC 5280). */
    private static final int DNS_NAME = 2;
    /** id-Ed25519 (RFC 8410). */
    private static final String ED25519_OID = "1.3.101.112";

    private CertificateCheck() {}

    /**
     * The peer id of an acceptable certificate chain.
     *
     * @throws CertificateException naming what is wrong
     */
    static PeerId peerOf(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer sent no certificate");
        }
        X509Certificate c = chain[0];
        if (!ED25519_OID.equals(c.getSigAlgOID())) {
            throw new CertificateException("the certificate is not signed with Ed25519 but " + c.getSigAlgName());
        }
        byte[] key = Ed25519Keys.rawPublic(c.getPublicKey().getEncoded());
        if (key == null) {
            throw new CertificateException("the certificate's key is not an Ed25519 key but " + c.getPublicKey().getAlgorithm());
        }
        Collection<List<?>> names;
        try {
            names = c.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateException("unreadable alternative names: " + e.getMessage(), e);
        }
        if (names == null || names.size() != 1) {
            throw new CertificateException("the certificate must have a single alternative name, has "
                    + (names == null ? 0 : names.size()));
        }
        List<?> n = names.iterator().next();
        if (!(n.get(0) instanceof Integer tag) || tag != DNS_NAME || !(n.get(1) instanceof String dns)) {
            throw new CertificateException("the certificate's alternative name is not a DNS name: " + n);
        }
        String expected = AltName.of(key);
        if (!expected.equals(dns)) {
            throw new CertificateException("the certificate's alternative name " + dns + " is not that of its key, " + expected);
        }
        return new PeerId(key);
    }
}
