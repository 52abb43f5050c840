package io.jamboree.importer.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;

/**
 * One step of a block-import trace (jam-test-vectors {@code traces/schema.asn}, {@code TraceStep}): the raw
 * prior state, a block and the raw posterior state (equal to the prior state when the block is invalid).
 */
public record TraceStep(RawState preState, Block block, RawState postState) {

    /** {@code RawState}: a state root and the serialized state. */
    public record RawState(Hash stateRoot, List<KeyValue> keyvals) {
        public RawState {
            keyvals = List.copyOf(keyvals);
        }

        static RawState decode(Decoder d) {
            Hash root = Hash.decode(d);
            List<KeyValue> kvs = d.varSeq(StateKey.LENGTH + 1, "keyvals",
                    x -> new KeyValue(StateKey.ofBytes(x.bytes(StateKey.LENGTH, "state key")), x.blob("state value")));
            return new RawState(root, kvs);
        }
    }

    /** {@code Genesis}: the genesis header and state. */
    public record Genesis(Header header, RawState state) {
        public static Genesis decode(byte[] bin, ChainParams p) {
            Decoder d = new Decoder(bin);
            Genesis g = new Genesis(Header.decode(d, p), RawState.decode(d));
            d.expectEnd();
            return g;
        }
    }

    public static TraceStep decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        TraceStep s = new TraceStep(RawState.decode(d), Block.decode(d, p), RawState.decode(d));
        d.expectEnd();
        return s;
    }
}
