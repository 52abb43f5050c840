package io.jamboree.stf.safrole;

import java.util.List;

/**
 * The Bandersnatch ring operations Safrole needs (GP §3.8, Appendix G): the ring root O and ring VRF
 * verification with output Y.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RingVrf {

    /** O(keys): the 144-octet ring root (commitment) over 32-octet Bandersnatch keys (eq. 6.13, z). */
    byte[] ringRoot(List<byte[]> keys);

    /**
     * Verifies a 784-octet ring VRF proof over the empty message against {@code ringRoot} (a ring of
     * {@code ringSize} keys) with the given context; returns Y(proof), the 32-octet output, or {@code null}
     * when the proof is invalid (eq. 6.29–6.30).
     */
    byte[] verify(byte[] ringRoot, int ringSize, byte[] context, byte[] proof);
}
