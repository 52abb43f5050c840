package io.jamboree.pvm;

/** The few serialization codecs the PVM needs (GP 0.7.2 Appendix C): general natural E and fixed-width E_l. */
final class Codec {
    private Codec() {
    }

    /** Sequential little-endian reader; throws IndexOutOfBoundsException past the end. */
    static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        /** A reader of {@code b} from octet {@code pos} on (to its end). */
        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int remaining() {
            return b.length - pos;
        }

        int u8() {
            if (pos >= b.length) throw new IndexOutOfBoundsException(pos);
            return b[pos++] & 0xFF;
        }

        /** E_l^-1: an l-octet little-endian natural. */
        long fixed(int l) {
            long v = 0;
            for (int i = 0; i < l; i++) {
                int x = u8();
                if (i < 8) v |= (long) x << (8 * i);
            }
            return v;
        }

        /** E^-1 (GP C.6): the variable-length natural encoding, up to 2^64. */
        long natural() {
            int first = u8();
            int l = Integer.numberOfLeadingZeros(~first << 24); // count of leading one bits of the octet
            if (l >= 8) return fixed(8);
            long hi = first & ((1 << (7 - l)) - 1);
            return (hi << (8 * l)) | fixed(l);
        }

        byte[] bytes(int n) {
            if (n > remaining()) throw new IndexOutOfBoundsException(pos + n);
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }
    }
}
