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
        ChainState s = h.state();
        int[] cores = io.jamboree.stf.reports.GuarantorAssignment.permute(s.eta().get(2), s.tau(), params);
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
