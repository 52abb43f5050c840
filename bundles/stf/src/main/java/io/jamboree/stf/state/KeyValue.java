package io.jamboree.stf.state;

import io.jamboree.merkle.StateKey;
import java.util.Arrays;

/**
 * One entry of the serialized state (GP Appendix D.1): a 31-byte state key and its value octets.
 *
 * @param key the state key
 * @param value the encoded value (copied in and out)
 */
public record KeyValue(StateKey key, byte[] value) {
    public KeyValue {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue kv && key.equals(kv.key) && Arrays.equals(value, kv.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + value.length + " bytes";
    }
}
