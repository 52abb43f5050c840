package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/**
 * The privileged services {@code χ = (χ_M, χ_A, χ_V, χ_R, χ_Z)} (GP §9.4, eq. 9.9): manager (bless), per-core
 * assigners, delegator (designate), registrar and always-accumulate services with their gas. Encoded
 * {@code E_4(χ_M, χ_A, χ_V, χ_R), χ_Z} (GP Appendix D.1, C(12)).
 */
public record Privileges(long bless, long[] assign, long designate, long register,
        List<AlwaysAccumulateEntry> alwaysAcc) {
    public Privileges {
        Sizes.u32(bless, "bless");
        assign = assign.clone();
        for (long a : assign) {
            Sizes.u32(a, "assigner");
        }
        Sizes.u32(designate, "designate");
        Sizes.u32(register, "register");
        alwaysAcc = List.copyOf(alwaysAcc);
    }

    @Override
    public long[] assign() {
        return assign.clone();
    }

    public long assigner(int core) {
        return assign[core];
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(bless);
        if (assign.length != p.coresCount()) {
            throw new io.jamboree.codec.CodecException("assigners must have " + p.coresCount() + " entries, has "
                    + assign.length);
        }
        for (long a : assign) {
            e.u32(a);
        }
        e.u32(designate);
        e.u32(register);
        e.varSeq(alwaysAcc, (x, a) -> a.encode(x, p));
    }

    public static Privileges decode(Decoder d, ChainParams p) {
        long bless = d.u32();
        long[] assign = new long[p.coresCount()];
        for (int i = 0; i < assign.length; i++) {
            assign[i] = d.u32();
        }
        return new Privileges(bless, assign, d.u32(), d.u32(),
                d.varSeq(12, "always-accumulate", x -> AlwaysAccumulateEntry.decode(x, p)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Privileges x && bless == x.bless && java.util.Arrays.equals(assign, x.assign)
                && designate == x.designate && register == x.register && alwaysAcc.equals(x.alwaysAcc);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(bless, java.util.Arrays.hashCode(assign), designate, register, alwaysAcc);
    }

    @Override
    public String toString() {
        return "Privileges[bless=" + bless + ", assign=" + java.util.Arrays.toString(assign) + ", designate="
                + designate + ", register=" + register + ", alwaysAcc=" + alwaysAcc + "]";
    }
}
