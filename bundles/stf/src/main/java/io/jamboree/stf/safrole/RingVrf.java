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

    /**
     * A hint that {@link #ringRoot} of these keys will be asked for soon (the next epoch's γ_z', eq. 6.13: its
     * keys are ι, in the state an epoch ahead) and tickets verified against it: an implementation may compute
     * it ahead, off the caller's thread, and cache it by content. The default does nothing.
     */
    default void prepareRingRoot(List<byte[]> keys) {
    }

    /**
     * {@link #verify} of several proofs against one ring root (the tickets of a block, eq. 6.29): entry i is
     * Y(proofs[i]), or null if that proof is invalid. An implementation may check them together (e.g. one
     * batched pairing check); this default checks them one by one.
     */
    default byte[][] verifyAll(byte[] ringRoot, int ringSize, List<byte[]> contexts, List<byte[]> proofs) {
        byte[][] out = new byte[proofs.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = verify(ringRoot, ringSize, contexts.get(i), proofs.get(i));
        }
        return out;
    }
}
