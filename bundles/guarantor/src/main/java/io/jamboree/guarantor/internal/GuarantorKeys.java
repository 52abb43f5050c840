package io.jamboree.guarantor.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.stf.state.ChainState;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validators this node holds keys of among a core's guarantors (GP 0.7.2 §11.3, eq. 11.19–11.20: the assignment
 * P(η_2, τ) of κ to cores), and their Ed25519 secrets for signing reports.
 */
final class GuarantorKeys {
    private final ChainParams params;
    private final List<ValidatorSecrets> keys;

    GuarantorKeys(ChainParams params, List<ValidatorSecrets> keys) {
        this.params = params;
        this.keys = List.copyOf(keys);
    }

    /** The validator indices in κ of the head that this node holds keys of and P(η_2, τ) puts on {@code core}. */
    List<Integer> ownGuarantors(GuarantorNode.Head h, int core) {
        return ownGuarantors(h, core, h.state().tau());
    }

    /**
     * As {@link #ownGuarantors(GuarantorNode.Head, int)}, but for a co-guarantor asked over CE 134 whose head is a rotation
     * ahead of or behind the asking guarantor's: the guarantors of {@code core} under the rotation of the head, else of
     * the previous one, else of the next one, each only within the head's epoch (same κ and η_2). The asker chose its
     * co-guarantors by its own rotation and signs the guarantee with its own slot, which the reports transition checks
     * against M or M* (GP eq. 11.25–11.26), so a signature for a neighbouring rotation is what it asked for.
     */
    List<Integer> ownCoGuarantors(GuarantorNode.Head h, int core) {
        long tau = h.state().tau();
        long epoch = tau / params.epochLength();
        for (long t : new long[] {tau, tau - params.rotationPeriod(), tau + params.rotationPeriod()}) {
            if (t < 0 || t / params.epochLength() != epoch) {
                continue;
            }
            List<Integer> own = ownGuarantors(h, core, t);
            if (!own.isEmpty()) {
                return own;
            }
        }
        return List.of();
    }

    private List<Integer> ownGuarantors(GuarantorNode.Head h, int core, long slot) {
        ChainState s = h.state();
        int[] cores = io.jamboree.stf.reports.GuarantorAssignment.permute(s.eta().get(2), slot, params);
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < s.kappa().size() && v < cores.length; v++) {
            if (cores[v] == core && secret(s.kappa().get(v).ed25519()) != null) {
                out.add(v);
            }
        }
        return out;
    }

    byte[] secretOf(ValidatorKeys kappa, int v) {
        byte[] s = secret(kappa.get(v).ed25519());
        if (s == null) {
            throw new IllegalStateException("no secret key of validator " + v);
        }
        return s;
    }

    private byte[] secret(Ed25519Public key) {
        for (ValidatorSecrets k : keys) {
            if (Arrays.equals(k.ed25519Public(), key.bytes())) {
                return k.ed25519SecretSeed();
            }
        }
        return null;
    }
}
