package io.jamboree.sample.internal;

/**
 * The dev genesis authorizer, assembled with {@link PvmAssembler}: its Is-Authorized entry (instruction 0, GP
 * Appendix B.2, eq. isauthinvocation) halts at once with an empty output, so Ψ_I accepts every work package that
 * names it, for 3 instructions' gas.
 */
public final class AcceptingAuthorizerProgram {
    /** Stack octets of the standard program. */
    static final int STACK = 4096;

    private static final int RA = 0, OUT = 7, LEN = 8;

    private AcceptingAuthorizerProgram() {}

    /** The authorizer code preimage {@code E(↕m, c)} (GP §9.1), empty metadata. */
    public static byte[] preimage() {
        PvmAssembler a = new PvmAssembler();
        a.loadImm64(OUT, 0);
        a.loadImm64(LEN, 0);
        a.jumpInd(RA, 0);
        return a.servicePreimage(STACK);
    }
}
