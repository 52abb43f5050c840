package io.jamboree.crypto.internal;

import java.security.MessageDigest;

/**
 * {@code expand_message_xmd} (RFC 9380 §5.3.1) with SHA-512, as implemented by arkworks 0.5,
 * which the Bandersnatch VRF vectors follow: the zero prefix {@code Z_pad} has the length of one
 * field element's hash output (48 bytes for Bandersnatch), not SHA-512's 128-byte block.
 */
public final class ExpandMessageXmd {
    private ExpandMessageXmd() {}

    public static byte[] expand(byte[] msg, byte[] dst, int lenInBytes, int zPadLength) {
        if (dst.length > 255) throw new IllegalArgumentException("DST longer than 255 bytes");
        int ell = (lenInBytes + 63) / 64;
        if (ell > 255 || lenInBytes > 65535) throw new IllegalArgumentException("output too long");
        MessageDigest md = Sha512.newDigest();
        md.update(new byte[zPadLength]);
        md.update(msg);
        md.update((byte) (lenInBytes >>> 8));
        md.update((byte) lenInBytes);
        md.update((byte) 0);
        md.update(dst);
        md.update((byte) dst.length);
        byte[] b0 = md.digest();
        byte[] out = new byte[lenInBytes];
        byte[] prev = new byte[64];
        for (int i = 1; i <= ell; i++) {
            byte[] in = new byte[64];
            for (int j = 0; j < 64; j++) in[j] = (byte) (b0[j] ^ prev[j]);
            md.update(in);
            md.update((byte) i);
            md.update(dst);
            md.update((byte) dst.length);
            prev = md.digest();
            System.arraycopy(prev, 0, out, (i - 1) * 64, Math.min(64, lenInBytes - (i - 1) * 64));
        }
        return out;
    }
}
