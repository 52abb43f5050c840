package io.jamboree.importer.internal.cli;

import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Hash;
import java.util.List;

/**
 * A serialized state as the block-import traces carry it: its root (GP Appendix D, M_σ) and the
 * key/value pairs it merklizes (GP Appendix D.1, T(σ)). Trace schema {@code RawState}.
 */
record RawState(Hash stateRoot, List<KeyValue> keyvals) {
    RawState {
        keyvals = List.copyOf(keyvals);
    }
}
