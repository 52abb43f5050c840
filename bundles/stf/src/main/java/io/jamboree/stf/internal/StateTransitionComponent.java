package io.jamboree.stf.internal;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.core.ChainParams;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Ed25519;
import io.jamboree.stf.disputes.Ed25519BatchVerifier;
import io.jamboree.stf.StateTransition;
import io.jamboree.stf.StateTransitionFactory;
import io.jamboree.stf.safrole.BandersnatchVerifier;
import io.jamboree.stf.safrole.RingVrf;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.Block;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link StateTransition} service Υ (GP eq. 4.1) and its {@link StateTransitionFactory}: the one place the
 * STF's crypto is bound. Ed25519 and the Bandersnatch IETF VRF are jam-crypto's verifiers; the ring VRF is the
 * {@link RingVrf} service ({@link RingVrfComponent}); accumulation is the node's {@link Accumulation} service.
 */
@Component(service = {StateTransition.class, StateTransitionFactory.class})
public final class StateTransitionComponent implements StateTransition, StateTransitionFactory {

    /** jam-crypto's Bandersnatch IETF VRF (GP §3.8.1). */
    static final BandersnatchVerifier JAM_CRYPTO_BANDERSNATCH = new BandersnatchVerifier() {
        @Override
        public boolean verify(byte[] publicKey, byte[] context, byte[] message, byte[] signature) {
            return BandersnatchVrf.ietfVerify(publicKey, context, message, signature);
        }

        @Override
        public byte[] output(byte[] signature) {
            return BandersnatchVrf.vrfOutput(signature);
        }
    };

    /** jam-crypto's ZIP-215 Ed25519 (GP §3.8.2), one by one and in batches. */
    static final Ed25519BatchVerifier JAM_CRYPTO_ED25519 = new Ed25519BatchVerifier() {
        @Override
        public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
            return Ed25519.verify(publicKey, message, signature);
        }

        @Override
        public boolean verifyAll(byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
            return Ed25519.verifyBatch(publicKeys, messages, signatures);
        }
    };

    private final BlockTransition transition;

    @Activate
    public StateTransitionComponent(@Reference Accumulation accumulation, @Reference RingVrf ring) {
        this.transition = new BlockTransition(accumulation, JAM_CRYPTO_ED25519, ring, JAM_CRYPTO_BANDERSNATCH);
    }

    @Override
    public Result apply(ChainParams params, ChainState pre, Block block, Ancestry ancestry) {
        return transition.apply(params, pre, block, ancestry);
    }

    @Override
    public void prepare(ChainParams params) {
        transition.prepare(params);
    }

    @Override
    public StateTransition create(Accumulation accumulation) {
        return transition.withAccumulation(accumulation);
    }
}
