package io.jamboree.importer.trace;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Block;

/**
 * One step of a block-import trace (jam-test-vectors {@code traces/schema.asn}, {@code TraceStep}): the state
 * before the block, the block, and the state the block must produce (GP §4, eq. 4.1, σ' = Υ(σ, B)). A step whose
 * post-state root equals its pre-state root carries an invalid block, which must be rejected.
 */
public record TraceStep(RawState preState, Block block, RawState postState) {

    /** Whether the block must be rejected: the trace leaves the state unchanged. */
    public boolean mustReject() {
        return preState.stateRoot().equals(postState.stateRoot());
    }

    /** Decodes {@code E(pre-state, block, post-state)} (GP App. C), the whole input. */
    public static TraceStep decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        TraceStep s = new TraceStep(RawState.decode(d), Block.decode(d, p), RawState.decode(d));
        d.expectEnd();
        return s;
    }

    /** The encoding {@link #decode} reads. */
    public byte[] encode(ChainParams p) {
        Encoder e = new Encoder(1 << 16);
        preState.encode(e);
        block.encode(e, p);
        postState.encode(e);
        return e.toByteArray();
    }
}
