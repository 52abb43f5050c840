package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.Hex;
import io.jamboree.crypto.RingVrf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ring-proof part of a ring VRF vector (bandersnatch-vrf.md §4, GP §3.8.2): the 784-byte signature
 * (gamma, Pedersen proof, ring proof) verifies against {@code ring_pks_com} with output {@code beta[..32]},
 * a tampered one does not, and our deterministic (unblinded) prover reproduces the signature byte for byte.
 */
final class RingProofCheck {
    private RingProofCheck() {}

    private static byte[] hex(JsonNode v, String field) {
        return Hex.decode(v.get(field).asText());
    }

    /** Null when the ring signature verifies against the commitment and is reproduced; otherwise why not. */
    static String check(JsonNode v, byte[] ringCommitment, RingVrf vrf) {
        byte[] sig = new byte[RingVrf.SIGNATURE_BYTES];
        int o = 0;
        for (String f : new String[] {"gamma", "proof_pk_com", "proof_r", "proof_ok", "proof_s", "proof_sb", "ring_proof"}) {
            byte[] part = hex(v, f);
            System.arraycopy(part, 0, sig, o, part.length);
            o += part.length;
        }
        if (o != RingVrf.SIGNATURE_BYTES) {
            return "ring signature parts are " + o + " bytes, not 784";
        }
        byte[] alpha = hex(v, "alpha");
        byte[] ad = hex(v, "ad");
        var out = vrf.verify(ringCommitment, alpha, ad, sig);
        if (out.isEmpty()) {
            return "valid ring signature rejected";
        }
        if (!Arrays.equals(out.get(), Arrays.copyOf(hex(v, "beta"), 32))) {
            return "ring VRF output differs from beta";
        }
        byte[] bad = sig.clone();
        bad[bad.length - 1] ^= 1;
        if (vrf.verify(ringCommitment, alpha, ad, bad).isPresent()) {
            return "tampered ring proof accepted";
        }
        byte[] pks = hex(v, "ring_pks");
        byte[] pk = hex(v, "pk");
        List<byte[]> ring = new ArrayList<>();
        int index = -1;
        for (int i = 0; i < pks.length; i += 32) {
            byte[] key = Arrays.copyOfRange(pks, i, i + 32);
            if (index < 0 && Arrays.equals(key, pk)) {
                index = ring.size();
            }
            ring.add(key);
        }
        if (index < 0) {
            return "signer key not in ring_pks";
        }
        if (!Arrays.equals(sig, vrf.proveDeterministic(hex(v, "sk"), ring, index, alpha, ad))) {
            return "deterministic ring proof differs";
        }
        return null;
    }
}
