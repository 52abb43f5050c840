package io.jamboree.guarantor.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.crypto.Ed25519;
import io.jamboree.stf.reports.GuarantorAssignment;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The guarantor's side of GP 0.7.2 §11.3–11.4: which validators guarantee a core (the assignment M = P(η'_2, τ'),
 * eq. 11.19–11.20, rotated every R slots), their signatures over {@code X_G ⌢ H(E(r))} (eq. guarantorsig,
 * {@code X_G = "jam_guarantee"}) and the guarantee (r, t, a) with the credentials ordered by validator index.
 */
public final class GuaranteeSigning {
    /** X_G, the guarantee signing context (signed without the Graypaper's {@code $}). */
    static final byte[] X_G = io.jamboree.stf.SigningContexts.bytes(io.jamboree.stf.SigningContexts.GUARANTEE);

    private GuaranteeSigning() {}

    /** The validator indices the assignment P(η_2, slot) puts on {@code core}, ascending. */
    public static int[] guarantorsOf(ChainParams p, Hash eta2, long slot, int core) {
        int[] cores = GuarantorAssignment.permute(eta2, slot, p);
        int n = 0;
        for (int c : cores) {
            if (c == core) n++;
        }
        int[] out = new int[n];
        int k = 0;
        for (int v = 0; v < cores.length; v++) {
            if (cores[v] == core) out[k++] = v;
        }
        return out;
    }

    /** The core P(η_2, slot) assigns to {@code validator}. */
    public static int coreOf(ChainParams p, Hash eta2, long slot, int validator) {
        return GuarantorAssignment.permute(eta2, slot, p)[validator];
    }

    /** Validator {@code index}'s signature over X_G ⌢ H(E(r)) with its Ed25519 secret seed. */
    public static ValidatorSignature sign(ChainParams p, WorkReport report, int index, byte[] ed25519SecretSeed) {
        byte[] h = report.hash(p).bytes();
        byte[] m = new byte[X_G.length + h.length];
        System.arraycopy(X_G, 0, m, 0, X_G.length);
        System.arraycopy(h, 0, m, X_G.length, h.length);
        return new ValidatorSignature(index, new Ed25519Signature(Ed25519.sign(ed25519SecretSeed, m)));
    }

    /** Whether {@code signature} is the signature of the key {@code ed25519Public} over X_G ⌢ {@code reportHash}. */
    public static boolean verify(byte[] ed25519Public, Hash reportHash, byte[] signature) {
        byte[] h = reportHash.bytes();
        byte[] m = new byte[X_G.length + h.length];
        System.arraycopy(X_G, 0, m, 0, X_G.length);
        System.arraycopy(h, 0, m, X_G.length, h.length);
        return Ed25519.verify(ed25519Public, m, signature);
    }

    /** The guarantee (r, t, a) with the signatures ordered by validator index (GP eq. 11.25). */
    public static ReportGuarantee guarantee(WorkReport report, long slot, List<ValidatorSignature> signatures) {
        List<ValidatorSignature> a = new ArrayList<>(signatures);
        a.sort(Comparator.comparingInt(ValidatorSignature::validatorIndex));
        return new ReportGuarantee(report, slot, a);
    }
}
