package io.jamboree.codec;

import java.util.Arrays;
import java.util.List;

/**
 * The serialization function {@code E} of GP Appendix C, writing into a growable byte buffer.
 * Fixed-width integers ({@code E_l}, GP C.1.7) are little-endian; {@link #natural(long)} is the general natural
 * encoding of GP C.1.1 (eq. C.1); {@link #blob(byte[])} is the length-discriminated {@code ↕x} of GP C.1.3.
 * Not thread-safe.
 */
public final class Encoder {
    private byte[] buf;
    private int pos;

    public Encoder() {
        this(256);
    }

    public Encoder(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Number of bytes written so far. */
    public int size() {
        return pos;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** Forgets everything written, keeping the buffer. */
    public Encoder reset() {
        pos = 0;
        return this;
    }

    private void ensure(int extra) {
        int need = pos + extra;
        if (need < 0) {
            throw new CodecException("encoding exceeds 2 GiB");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length << 1));
        }
    }

    /** {@code E_1}: one octet, {@code 0..255}. */
    public Encoder u8(int v) {
        if ((v & ~0xFF) != 0) {
            throw new CodecException("u8 out of range: " + v);
        }
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** {@code E_2}: {@code 0..65535}, little-endian. */
    public Encoder u16(int v) {
        if ((v & ~0xFFFF) != 0) {
            throw new CodecException("u16 out of range: " + v);
        }
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    /** {@code E_4}: {@code 0..2^32-1}, little-endian. */
    public Encoder u32(long v) {
        if ((v & ~0xFFFF_FFFFL) != 0) {
            throw new CodecException("u32 out of range: " + v);
        }
        ensure(4);
        int x = (int) v;
        buf[pos++] = (byte) x;
        buf[pos++] = (byte) (x >>> 8);
        buf[pos++] = (byte) (x >>> 16);
        buf[pos++] = (byte) (x >>> 24);
        return this;
    }

    /** {@code E_8}: all 64 bits of {@code v} as an unsigned little-endian number. */
    public Encoder u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** Little-endian fixed-width {@code E_l} of the low {@code len} bytes of {@code v}. */
    public Encoder fixed(long v, int len) {
        ensure(len);
        for (int i = 0; i < len; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /**
     * General natural number encoding (GP C.1.1, eq. C.1); {@code v} is read as an unsigned 64-bit value,
     * so 1..9 octets are written.
     */
    public Encoder natural(long v) {
        if (v >= 0 && v < 0x80) {
            ensure(1);
            buf[pos++] = (byte) v;
            return this;
        }
        // find l in 1..7 with 2^(7l) <= v < 2^(7(l+1)); else 8
        int l = 8;
        if (v > 0) {
            for (int k = 1; k < 8; k++) {
                if (v < (1L << (7 * (k + 1)))) {
                    l = k;
                    break;
                }
            }
        }
        ensure(l + 1);
        if (l == 8) {
            buf[pos++] = (byte) 0xFF;
        } else {
            int prefix = 256 - (1 << (8 - l));
            buf[pos++] = (byte) (prefix + (int) (v >>> (8 * l)));
        }
        for (int i = 0; i < l; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** A boolean as one octet 0 or 1. */
    public Encoder bool(boolean b) {
        ensure(1);
        buf[pos++] = (byte) (b ? 1 : 0);
        return this;
    }

    /** Raw octets, no length (GP C.1.1: {@code E(x ∈ B) = x}). */
    public Encoder bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public Encoder bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** Length-prefixed octets {@code E(↕x)} (GP C.1.3). */
    public Encoder blob(byte[] b) {
        natural(b.length);
        return bytes(b);
    }

    /** A length discriminator for a sequence of {@code n} elements (GP C.1.3). */
    public Encoder length(int n) {
        return natural(n);
    }

    /** Optional discriminator {@code ¿x} (GP C.1.3): writes 0 for absent, 1 for present; the caller writes the value. */
    public Encoder presence(boolean present) {
        ensure(1);
        buf[pos++] = (byte) (present ? 1 : 0);
        return this;
    }

    /** Bit sequence without length (GP C.1.4): packed least significant bit first. */
    public Encoder bits(boolean[] bits) {
        int n = (bits.length + 7) >>> 3;
        ensure(n);
        for (int i = 0; i < n; i++) {
            int octet = 0;
            for (int j = 0; j < 8; j++) {
                int k = (i << 3) + j;
                if (k < bits.length && bits[k]) {
                    octet |= 1 << j;
                }
            }
            buf[pos++] = (byte) octet;
        }
        return this;
    }

    /** Length-prefixed bit sequence: number of bits, then packed bits (GP C.1.4). */
    public Encoder bitsWithLength(boolean[] bits) {
        natural(bits.length);
        return bits(bits);
    }

    /** Writes one element of a sequence. */
    @FunctionalInterface
    public interface ElementWriter<T> {
        void write(Encoder e, T value);
    }

    /** Elements of a fixed-length sequence, no length prefix (GP C.1.2). */
    public <T> Encoder fixedSeq(List<T> items, ElementWriter<? super T> w) {
        for (int i = 0, n = items.size(); i < n; i++) {
            w.write(this, items.get(i));
        }
        return this;
    }

    /** Length-prefixed sequence {@code E(↕x)} (GP C.1.2, C.1.3). */
    public <T> Encoder varSeq(List<T> items, ElementWriter<? super T> w) {
        natural(items.size());
        return fixedSeq(items, w);
    }

    /** {@code ¿x}: 0 when {@code value} is null, else 1 then the value (GP C.1.3). */
    public <T> Encoder optional(T value, ElementWriter<? super T> w) {
        if (value == null) {
            return presence(false);
        }
        presence(true);
        w.write(this, value);
        return this;
    }
}
