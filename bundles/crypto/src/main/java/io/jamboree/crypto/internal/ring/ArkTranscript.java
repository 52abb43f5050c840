package io.jamboree.crypto.internal.ring;

import io.jamboree.bls.Fr;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The Fiat-Shamir transcript of the ring proof (ring-proof spec §1.3 "Fiat-Shamir Transform";
 * bandersnatch-vrf spec §4.1: a SHAKE128 transcript with postfix length framing).
 *
 * <p>Framing: every run of writes is closed by a separator, the 4-byte big-endian count of bytes
 * written in the run; a separator with no preceding write (also at the very start) writes
 * nothing. A label is its own run; an appended item (arkworks uncompressed serialization) is its
 * own run. A challenge writes its label as a run, then the bytes {@code "challenge"}, squeezes
 * from a copy of the sponge (so the copy does not see the closing separator), and then closes
 * the run on the original. A field challenge reads 48 bytes (log r + 128 bits) and reduces them,
 * taken as a big-endian integer, modulo r.
 *
 * <p>Not thread-safe; one instance per proof.
 */
final class ArkTranscript {
    private static final byte[] CHALLENGE = {'c', 'h', 'a', 'l', 'l', 'e', 'n', 'g', 'e'};
    private static final int CHALLENGE_BYTES = 48;

    private final SHAKEDigest sponge;
    private long pending = -1; // bytes written since the last separator, -1 when none

    ArkTranscript(byte[] label) {
        sponge = new SHAKEDigest(128);
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

    /** A domain-separation label. */
    void label(byte[] l) {
        separate();
        write(l);
        separate();
    }

    /** A labeled item: label(l), then the concatenated item bytes as one run. */
    void append(byte[] l, byte[]... items) {
        label(l);
        for (byte[] it : items) write(it);
        separate();
    }

    /** A raw XOF reader for the challenge labeled {@code l}. */
    SHAKEDigest challengeReader(byte[] l) {
        label(l);
        write(CHALLENGE);
        SHAKEDigest reader = new SHAKEDigest(sponge);
        separate();
        return reader;
    }

    /** A challenge field element of BLS12-381 Fr. */
    Fr challenge(byte[] l) {
        return reduce(challengeReader(l));
    }

    /** The next field element from a challenge reader (48 bytes, big-endian, mod r). */
    static Fr reduce(SHAKEDigest reader) {
        byte[] buf = new byte[CHALLENGE_BYTES];
        reader.doOutput(buf, 0, buf.length);
        return Fr.fromBigInteger(new BigInteger(1, buf).mod(Fr.P));
    }
}
