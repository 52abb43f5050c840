package io.jamboree.crypto.internal.ring;

import io.jamboree.bls.Fr;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The Fiat-Shamir transcript of the ring proof (ring-proof spec §1.3 "Fiat-Shamir Transform";
 * bandersnatch-vrf spec §4.1: ark-transcript, SHAKE128). HYPOTHESIS, NOT YET CONFIRMED BY THE
 * VECTORS (see {@link RingVrf}): writes are framed by separators; a separator appends the 4-byte
 * big-endian count of bytes written since the previous separator, if a write happened (a labeled
 * transcript starts with an implicit empty write, per the ark-transcript documentation of
 * {@code new_labeled}). A label is separator, bytes, separator; an appended item is its arkworks
 * uncompressed serialization between separators; a challenge writes its label, squeezes from a
 * copy of the sponge, then separates the original.
 */
final class ArkTranscript {
    private static final long[] P_LIMBS = {
        0xffffffff00000001L, 0x53bda402fffe5bfeL, 0x3339d80809a1d805L, 0x73eda753299d7d48L
    };

    private final SHAKEDigest sponge;
    private long pending;

    ArkTranscript(byte[] label) {
        sponge = new SHAKEDigest(128);
        pending = 0; // implicit empty write before the first label
        label(label);
    }

    private void separate() {
        if (pending < 0) return;
        int n = (int) pending;
        sponge.update((byte) (n >>> 24));
        sponge.update((byte) (n >>> 16));
        sponge.update((byte) (n >>> 8));
        sponge.update((byte) n);
        pending = -1;
    }

    private void write(byte[] b) {
        sponge.update(b, 0, b.length);
        pending = (pending < 0 ? 0 : pending) + b.length;
    }

    void label(byte[] l) {
        separate();
        write(l);
        separate();
    }

    /** A labeled item: label(l), then the concatenated item bytes between separators. */
    void append(byte[] l, byte[]... items) {
        label(l);
        for (byte[] it : items) write(it);
        separate();
    }

    /**
     * A challenge field element (hypothesis of the notes: arkworks UniformRand over the XOF,
     * i.e. four little-endian u64, top bit cleared, rejection-sampled below r, taken as
     * Montgomery limbs).
     */
    Fr challenge(byte[] l) {
        separate();
        write(l);
        SHAKEDigest reader = new SHAKEDigest(sponge);
        separate();
        byte[] buf = new byte[32];
        long[] raw = new long[4];
        while (true) {
            reader.doOutput(buf, 0, 32);
            for (int i = 0; i < 4; i++) {
                long v = 0;
                for (int j = 7; j >= 0; j--) v = (v << 8) | (buf[8 * i + j] & 0xffL);
                raw[i] = v;
            }
            raw[3] &= Long.MAX_VALUE;
            if (below(raw)) return Fr.ofMontLimbs(raw);
        }
    }

    private static boolean below(long[] a) {
        for (int i = 3; i >= 0; i--) {
            int c = Long.compareUnsigned(a[i], P_LIMBS[i]);
            if (c != 0) return c < 0;
        }
        return false;
    }
}
