package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.Hex;
import java.util.Arrays;

/**
 * A variable-length octet sequence {@code B} (GP §3.7.4), encoded with a length discriminator {@code ↕x}
 * (GP Appendix C.1.3). Immutable: the array is copied in and out.
 */
public record Blob(byte[] bytes) {
    public static final Blob EMPTY = new Blob(new byte[0]);

    public Blob {
        bytes = bytes.clone();
    }

    public static Blob ofHex(String hex) {
        return new Blob(Hex.decode(hex));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** Writes {@code ↕x}. */
    public void encode(Encoder e) {
        e.blob(bytes);
    }

    /** Writes the octets without a length prefix. */
    public void encodeRaw(Encoder e) {
        e.bytes(bytes);
    }

    /** Reads {@code ↕x}. */
    public static Blob decode(Decoder d) {
        return new Blob(d.blob("blob"));
    }

    /** Reads exactly {@code n} octets without a length prefix. */
    public static Blob decodeRaw(Decoder d, int n) {
        return new Blob(d.bytes(n, "fixed blob"));
    }

    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 64 ? hex() : Hex.encode(Arrays.copyOf(bytes, 64)) + "…(" + bytes.length + " bytes)";
    }
}
