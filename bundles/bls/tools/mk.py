import sys
import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import *
tpl=open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'Field.java.tpl')).read()
FR_SQRT='''    private static final int TWO_ADICITY = 32;
    /** Q = (p-1)/2^32. */
    private static final long[] EXP_Q = limbsOf(P.subtract(BigInteger.ONE).shiftRight(TWO_ADICITY));
    /** (Q+1)/2. */
    private static final long[] EXP_Q1 = limbsOf(P.subtract(BigInteger.ONE).shiftRight(TWO_ADICITY).add(BigInteger.ONE).shiftRight(1));
    /** 7^Q: a primitive 2^32-th root of unity (7 is the multiplicative generator). */
    private static final long[] ROOT_2ADIC = new long[LIMBS];
    static { pow(montOf(BigInteger.valueOf(7)), EXP_Q, ROOT_2ADIC); }

    /** (Q-1)/2. */
    private static final long[] EXP_QM1_HALF = limbsOf(P.subtract(BigInteger.ONE).shiftRight(TWO_ADICITY).shiftRight(1));

    /** Square root by Tonelli-Shanks (2-adicity 32). Returns false if a is a non-square. */
    public static boolean sqrt(long[] a, long[] out) {
        if (isZero(a)) { setZero(out); return true; }
        long[] w = new long[LIMBS], x = new long[LIMBS], t = new long[LIMBS], c = ROOT_2ADIC.clone(), b = new long[LIMBS], tt = new long[LIMBS];
        pow(a, EXP_QM1_HALF, w);
        mul(a, w, x);   // a^((Q+1)/2)
        mul(x, w, t);   // a^Q
        int m = TWO_ADICITY;
        while (!equals(t, ONE_MONT)) {
            int i = 0;
            copy(t, tt);
            while (!equals(tt, ONE_MONT)) {
                square(tt, tt);
                if (++i == m) return false; // a is not a square
            }
            copy(c, b);
            for (int j = 0; j < m - i - 1; j++) square(b, b);
            m = i;
            square(b, c);
            mul(t, c, t);
            mul(x, b, x);
        }
        copy(x, out);
        return true;
    }

    /** A primitive 2^k-th root of unity: 7^((r-1)/2^k), k <= 32. */
    public static Fr rootOfUnity(int k) {
        if (k < 0 || k > TWO_ADICITY) throw new IllegalArgumentException("k");
        return of(7).pow(P.subtract(BigInteger.ONE).shiftRight(k));
    }
'''
FQ_SQRT='''    /** (p+1)/4, since p = 3 mod 4. */
    private static final long[] EXP_SQRT = limbsOf(P.add(BigInteger.ONE).shiftRight(2));

    /** Square root as a^((p+1)/4). Returns false if a is a non-square. */
    public static boolean sqrt(long[] a, long[] out) {
        long[] x = new long[LIMBS], t = new long[LIMBS];
        pow(a, EXP_SQRT, x);
        square(x, t);
        if (!equals(t, a)) return false;
        copy(x, out);
        return true;
    }
'''
def mk(cls,p,n,nbytes,doc,sq):
    core=consts(p,n)+"\n"+gen_mul_nocarry(n)+"\n"+gen_addsub(n)
    s=tpl.replace('__CORE__',core).replace('__SQRT__',sq).replace('__CLASS__',cls).replace('__N__',str(n)).replace('__BYTES__',str(nbytes)).replace('__RBITS__',str(64*n)).replace('__PHEX__',hex(p)[2:]).replace('__DOC__',doc)
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src/main/java/io/jamboree/bls', cls + '.java'),'w').write(s)
r=0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001
q=0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab
mk('Fr',r,4,32,'The BLS12-381 scalar field F_r (r = 0x73eda753...00000001), which is also the Bandersnatch base field (bandersnatch-vrf spec, curve parameters; GP Appendix G).',FR_SQRT)
mk('Fq',q,6,48,'The BLS12-381 base field F_q (381-bit q), Zcash BLS12-381 specification.',FQ_SQRT)
