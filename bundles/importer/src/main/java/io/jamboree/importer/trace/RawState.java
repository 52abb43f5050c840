package io.jamboree.importer.trace;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.merkle.StateKey;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * A serialized state as the block-import traces carry it (trace schema {@code RawState}): its root (GP Appendix D,
 * M_σ) and the key/value pairs it merklizes (GP D.1, T(σ)).
 *
 * @param stateRoot the state root
 * @param keyvals the serialized state, in the order given
 */
public record RawState(Hash stateRoot, List<KeyValue> keyvals) {
    public RawState {
        keyvals = List.copyOf(keyvals);
    }

    /** {@code RawState ::= SEQUENCE { state-root, keyvals SEQUENCE OF { key (31 octets), value } }} (GP App. C). */
    public static RawState decode(Decoder d) {
        Hash root = Hash.decode(d);
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> kvs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StateKey key = StateKey.ofBytes(d.bytes(StateKey.LENGTH, "state key"));
            kvs.add(new KeyValue(key, d.blob("state value")));
        }
        return new RawState(root, kvs);
    }

    /** The encoding {@link #decode} reads. */
    public void encode(Encoder e) {
        stateRoot.encode(e);
        e.length(keyvals.size());
        for (KeyValue kv : keyvals) {
            e.bytes(kv.key().bytes());
            e.blob(kv.value());
        }
    }
}
