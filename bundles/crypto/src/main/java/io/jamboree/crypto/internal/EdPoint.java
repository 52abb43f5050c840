package io.jamboree.crypto.internal;

/**
 * A mutable point of a twisted Edwards curve in extended coordinates (X:Y:Z:T), x = X/Z,
 * y = Y/Z, xy = T/Z (Hisil-Wong-Carter-Dawson 2008). Field elements are Montgomery limbs of
 * the curve's {@link MontField}. Internal: never exposed through the public API.
 */
public final class EdPoint {
    final long[] x = new long[4], y = new long[4], z = new long[4], t = new long[4];

    EdPoint() {}

    void set(EdPoint p) {
        MontField.copy(p.x, x); MontField.copy(p.y, y); MontField.copy(p.z, z); MontField.copy(p.t, t);
    }

    public EdPoint copy() {
        EdPoint r = new EdPoint();
        r.set(this);
        return r;
    }
}
