package io.jamboree.bls;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An immutable BLS12-381 G2 point in affine coordinates on the twist y^2 = x^3 + 4(1 + u) over
 * {@link Fq2}; Zcash encoding (96-byte compressed, 192-byte uncompressed; F_q2 elements as c1 || c0).
 */
public final class G2 {
    public static final int COMPRESSED_BYTES = 96;
    public static final int UNCOMPRESSED_BYTES = 192;
    private static final Fq2 B = new Fq2(Fq.of(4), Fq.of(4));

    public static final G2 INFINITY = new G2(Fq2.ZERO, Fq2.ONE, true);
    /** The standard generator. */
    public static final G2 GENERATOR = new G2(
            new Fq2(fq("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
                    fq("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
            new Fq2(fq("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
                    fq("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")),
            false);

    private static Fq fq(String hex) { return Fq.fromBigInteger(new BigInteger(hex, 16)); }

    final Fq2 x, y;
    final boolean inf;

    private G2(Fq2 x, Fq2 y, boolean inf) { this.x = x; this.y = y; this.inf = inf; }

    public static G2 of(Fq2 x, Fq2 y) {
        G2 p = new G2(x, y, false);
        if (!p.isOnCurve()) throw new IllegalArgumentException("not on curve");
        return p;
    }

    public Fq2 x() { return x; }
    public Fq2 y() { return y; }
    public boolean isInfinity() { return inf; }

    public boolean isOnCurve() {
        return inf || y.square().equals(x.square().mul(x).add(B));
    }

    public boolean isInSubgroup() { return inf || mul(G1.ORDER).inf; }

    public G2 neg() { return inf ? this : new G2(x, y.neg(), false); }

    public G2 dbl() {
        if (inf || y.isZero()) return INFINITY;
        Fq2 l = x.square().mul(Fq.of(3)).mul(y.dbl().inverse());
        Fq2 x3 = l.square().sub(x.dbl());
        return new G2(x3, l.mul(x.sub(x3)).sub(y), false);
    }

    public G2 add(G2 o) {
        if (inf) return o;
        if (o.inf) return this;
        if (x.equals(o.x)) return y.equals(o.y) ? dbl() : INFINITY;
        Fq2 l = o.y.sub(y).mul(o.x.sub(x).inverse());
        Fq2 x3 = l.square().sub(x).sub(o.x);
        return new G2(x3, l.mul(x.sub(x3)).sub(y), false);
    }

    public G2 sub(G2 o) { return add(o.neg()); }

    public G2 mul(BigInteger k) {
        if (k.signum() < 0) return neg().mul(k.negate());
        G2 r = INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = r.dbl();
            if (k.testBit(i)) r = r.add(this);
        }
        return r;
    }

    public G2 mul(Fr k) { return mul(k.toBigInteger()); }

    public byte[] toCompressed() {
        byte[] o = new byte[96];
        if (inf) { o[0] = (byte) 0xc0; return o; }
        System.arraycopy(x.toBytesBE(), 0, o, 0, 96);
        o[0] |= (byte) 0x80;
        if (y.isLexLargest()) o[0] |= 0x20;
        return o;
    }

    public byte[] toUncompressed() {
        byte[] o = new byte[192];
        if (inf) { o[0] = 0x40; return o; }
        System.arraycopy(x.toBytesBE(), 0, o, 0, 96);
        System.arraycopy(y.toBytesBE(), 0, o, 96, 96);
        return o;
    }

    private static Fq2 readFq2(byte[] b, int off) {
        return new Fq2(Fq.fromBytesBE(Arrays.copyOfRange(b, off + 48, off + 96)),
                Fq.fromBytesBE(Arrays.copyOfRange(b, off, off + 48)));
    }

    /** Decodes 96 compressed bytes with on-curve and subgroup checks. */
    public static G2 fromCompressed(byte[] in) {
        if (in.length != 96) throw new IllegalArgumentException("G2 compressed needs 96 bytes");
        int flags = in[0] & 0xe0;
        if ((flags & 0x80) == 0) throw new IllegalArgumentException("compression flag not set");
        byte[] b = in.clone();
        b[0] &= 0x1f;
        if ((flags & 0x40) != 0) {
            if ((flags & 0x20) != 0 || !allZero(b)) throw new IllegalArgumentException("bad infinity encoding");
            return INFINITY;
        }
        Fq2 x = readFq2(b, 0);
        Fq2 y = x.square().mul(x).add(B).sqrt();
        if (y == null) throw new IllegalArgumentException("not on curve");
        if (y.isLexLargest() != ((flags & 0x20) != 0)) y = y.neg();
        G2 p = new G2(x, y, false);
        if (!p.isInSubgroup()) throw new IllegalArgumentException("not in subgroup");
        return p;
    }

    /** Decodes 192 uncompressed bytes with on-curve and subgroup checks. */
    public static G2 fromUncompressed(byte[] in) {
        if (in.length != 192) throw new IllegalArgumentException("G2 uncompressed needs 192 bytes");
        int flags = in[0] & 0xe0;
        if ((flags & 0x80) != 0) throw new IllegalArgumentException("compression flag set");
        byte[] b = in.clone();
        b[0] &= 0x1f;
        if ((flags & 0x40) != 0) {
            if ((flags & 0x20) != 0 || !allZero(b)) throw new IllegalArgumentException("bad infinity encoding");
            return INFINITY;
        }
        if ((flags & 0x20) != 0) throw new IllegalArgumentException("sort flag set in uncompressed");
        G2 p = new G2(readFq2(b, 0), readFq2(b, 96), false);
        if (!p.isOnCurve()) throw new IllegalArgumentException("not on curve");
        if (!p.isInSubgroup()) throw new IllegalArgumentException("not in subgroup");
        return p;
    }

    private static boolean allZero(byte[] b) {
        int acc = 0;
        for (byte v : b) acc |= v;
        return acc == 0;
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof G2 g)) return false;
        if (inf || g.inf) return inf == g.inf;
        return x.equals(g.x) && y.equals(g.y);
    }
    @Override public int hashCode() { return inf ? 0 : x.hashCode(); }
    @Override public String toString() { return inf ? "G2(inf)" : "G2(" + x + ", " + y + ")"; }
}
