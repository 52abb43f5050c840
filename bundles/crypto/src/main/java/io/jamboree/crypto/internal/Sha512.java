package io.jamboree.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-512 (FIPS 180-4) from the JDK provider; the hash of the Bandersnatch VRF suite. */
public final class Sha512 {
    private Sha512() {}

    private static final MessageDigest PROTOTYPE = create();

    private static MessageDigest create() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
    }

    /** A fresh digest: a clone of a prototype, which skips the provider look-up of getInstance. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return create();
        }
    }

    public static byte[] hash(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] p : parts) md.update(p);
        return md.digest();
    }
}
