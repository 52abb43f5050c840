package io.jamboree.stf.internal;

import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.RingVrf;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link RingVrf} service: the ring root O and ring VRF verification (GP §6.3 eq. 6.13, §6.7 eq. 6.29)
 * over the node's SRS ({@link BandersnatchRing#shared()}, loaded on first use).
 */
@Component(service = RingVrf.class)
public final class RingVrfComponent implements RingVrf {
    private final RingVrf ring = BandersnatchRing.shared();

    @Override
    public byte[] ringRoot(List<byte[]> keys) {
        return ring.ringRoot(keys);
    }

    @Override
    public byte[] verify(byte[] ringRoot, int ringSize, byte[] context, byte[] proof) {
        return ring.verify(ringRoot, ringSize, context, proof);
    }

    // the two default methods must be passed on too: without them the service computed no root ahead and
    // verified a block's tickets one by one

    @Override
    public void prepareRingRoot(List<byte[]> keys) {
        ring.prepareRingRoot(keys);
    }

    @Override
    public byte[][] verifyAll(byte[] ringRoot, int ringSize, List<byte[]> contexts, List<byte[]> proofs) {
        return ring.verifyAll(ringRoot, ringSize, contexts, proofs);
    }
}
