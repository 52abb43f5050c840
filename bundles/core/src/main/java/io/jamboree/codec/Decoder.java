package io.jamboree.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The deserialization function (inverse of {@code E}, GP Appendix C) over a byte array.
 * Every read is bounds-checked: truncated input, non-canonical naturals, oversized lengths and unknown
 * discriminators throw {@link CodecException} naming the offset and what was being read. Not thread-safe.
 */
public final class Decoder {
    private final byte[] buf;
    private final int end;
    private int pos;

    public Decoder(byte[] data) {
        this(data, 0, data.length);
    }

    public Decoder(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new CodecException("bad slice " + offset + "+" + length + " of " + data.length + " bytes");
        }
        this.buf = data;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Current read offset. */
    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Throws unless all input was consumed. */
    public void expectEnd() {
        if (pos != end) {
            throw new CodecException(remaining() + " trailing bytes at offset " + pos);
        }
    }

    private void need(int n, String what) {
        if (n < 0 || end - pos < n) {
            throw new CodecException("truncated input at offset " + pos + ": need " + n + " bytes for " + what
                    + ", have " + (end - pos));
        }
    }

    /** Fails with a message naming the current offset. */
    public CodecException error(String message) {
        return new CodecException(message + " at offset " + pos);
    }

    public int u8() {
        need(1, "u8");
        return buf[pos++] & 0xFF;
    }

    public int u16() {
        need(2, "u16");
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public long u32() {
        need(4, "u32");
        long v = (buf[pos] & 0xFFL) | (buf[pos + 1] & 0xFFL) << 8 | (buf[pos + 2] & 0xFFL) << 16
                | (buf[pos + 3] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    /** {@code E_8} as a signed long holding the unsigned 64-bit value. */
    public long u64() {
        need(8, "u64");
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        pos += 8;
        return v;
    }

    /** Little-endian fixed-width integer of {@code len} ≤ 8 bytes. */
    public long fixed(int len) {
        need(len, "E_" + len);
        long v = 0;
        for (int i = 0; i < len; i++) {
            v |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        pos += len;
        return v;
    }

    /** General natural (GP C.1.1, eq. C.1) as an unsigned 64-bit value; rejects non-canonical encodings. */
    public long natural() {
        int start = pos;
        need(1, "natural prefix");
        int b = buf[pos++] & 0xFF;
        if (b < 0x80) {
            return b;
        }
        int l = Integer.numberOfLeadingZeros(~b << 24); // count of leading one bits in the octet
        if (l > 8) {
            l = 8;
        }
        need(l, "natural body");
        long low = 0;
        for (int i = 0; i < l; i++) {
            low |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        pos += l;
        if (l == 8) {
            if (low >= 0 && low < (1L << 56)) {
                throw new CodecException("non-canonical natural at offset " + start);
            }
            return low;
        }
        long high = b & ((1 << (8 - l)) - 1) & 0xFF;
        long v = (high << (8 * l)) | low;
        if (v < (1L << (7 * l))) {
            throw new CodecException("non-canonical natural at offset " + start);
        }
        return v;
    }

    /** A natural that must fit in {@code 0..max}. */
    public long natural(long max, String what) {
        int start = pos;
        long v = natural();
        if (v < 0 || v > max) {
            throw new CodecException(what + " " + Long.toUnsignedString(v) + " exceeds " + max + " at offset " + start);
        }
        return v;
    }

    /** A length discriminator; at most {@code remaining() / minElementSize} so garbage cannot allocate huge arrays. */
    public int length(int minElementSize, String what) {
        int start = pos;
        long n = natural();
        long cap = minElementSize <= 0 ? Integer.MAX_VALUE : remaining() / minElementSize;
        if (n < 0 || n > cap) {
            throw new CodecException("length " + Long.toUnsignedString(n) + " of " + what + " at offset " + start
                    + " exceeds the " + remaining() + " remaining bytes");
        }
        return (int) n;
    }

    public boolean bool() {
        int start = pos;
        int b = u8();
        if (b > 1) {
            throw new CodecException("bad boolean " + b + " at offset " + start);
        }
        return b == 1;
    }

    /** {@code n} raw octets. */
    public byte[] bytes(int n, String what) {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** Reads {@code n} raw octets into {@code dst}. */
    public void bytesInto(byte[] dst, int off, int n, String what) {
        need(n, what);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
    }

    /** Length-prefixed octets {@code ↕x}. */
    public byte[] blob(String what) {
        int n = length(1, what);
        return bytes(n, what);
    }

    /** Optional discriminator {@code ¿x}: returns whether a value follows. */
    public boolean presence(String what) {
        int start = pos;
        int b = u8();
        if (b > 1) {
            throw new CodecException("bad optional discriminator " + b + " for " + what + " at offset " + start);
        }
        return b == 1;
    }

    /** {@code n} bits packed least significant first (GP C.1.4). */
    public boolean[] bits(int n, String what) {
        int octets = (n + 7) >>> 3;
        need(octets, what);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = (buf[pos + (i >>> 3)] >>> (i & 7) & 1) != 0;
        }
        pos += octets;
        return out;
    }

    /** Reads one element of a sequence. */
    @FunctionalInterface
    public interface ElementReader<T> {
        T read(Decoder d);
    }

    /** {@code n} elements without a length prefix. */
    public <T> List<T> fixedSeq(int n, ElementReader<? extends T> r) {
        ArrayList<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.read(this));
        }
        return Collections.unmodifiableList(out);
    }

    /** A length-prefixed sequence whose elements take at least {@code minElementSize} bytes. */
    public <T> List<T> varSeq(int minElementSize, String what, ElementReader<? extends T> r) {
        return fixedSeq(length(minElementSize, what), r);
    }

    /** A length-prefixed sequence of at most {@code max} elements. */
    public <T> List<T> varSeq(int minElementSize, int max, String what, ElementReader<? extends T> r) {
        int start = pos;
        int n = length(minElementSize, what);
        if (n > max) {
            throw new CodecException(what + ": " + n + " elements exceed the maximum " + max + " at offset " + start);
        }
        return fixedSeq(n, r);
    }

    /** {@code ¿x}: null when absent. */
    public <T> T optional(String what, ElementReader<? extends T> r) {
        return presence(what) ? r.read(this) : null;
    }
}
