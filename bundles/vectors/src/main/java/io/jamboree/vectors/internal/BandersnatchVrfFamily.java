package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.bls.Srs;
import io.jamboree.bls.ring.RingCommitment;
import io.jamboree.core.Hex;
import io.jamboree.crypto.Bandersnatch;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.RingVrf;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bandersnatch-vrf/assets/vectors}: the Bandersnatch VRF suite (SHA-512, Elligator2) of GP §3.8.2
 * and bandersnatch-vrf.md. For each IETF and Pedersen case: key derivation, input point, output hash,
 * deterministic proving reproduces the proof, verification accepts it and rejects a tampered one. For each
 * ring case: the ring commitment of {@code ring_pks} equals {@code ring_pks_com}, the ring signature
 * verifies with output beta, a tampered one does not, and deterministic proving reproduces it.
 */
@Component(service = VectorFamily.class)
public final class BandersnatchVrfFamily implements VectorFamily {
    private static final String PREFIX = "bandersnatch_sha-512_ell2_";

    @Override
    public String name() {
        return "bandersnatch";
    }

    @Override
    public boolean recognises(Path dir) {
        return Files.isRegularFile(dir.resolve(PREFIX + "ietf.json"));
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        List<VectorResult> results = new ArrayList<>();
        JsonNode ietf = JsonFiles.read(dir.resolve(PREFIX + "ietf.json"));
        for (int i = 0; i < ietf.size(); i++) {
            results.add(guard("ietf#" + i, ietf.get(i), BandersnatchVrfFamily::ietf));
        }
        JsonNode pedersen = JsonFiles.read(dir.resolve(PREFIX + "pedersen.json"));
        for (int i = 0; i < pedersen.size(); i++) {
            results.add(guard("pedersen#" + i, pedersen.get(i), BandersnatchVrfFamily::pedersen));
        }
        Path ringFile = dir.resolve(PREFIX + "ring.json");
        if (Files.isRegularFile(ringFile)) {
            JsonNode ring = JsonFiles.read(ringFile);
            Path srsFile = dir.resolveSibling("srs").resolve("zcash-srs-2-11-uncompressed.bin");
            Srs srs = Srs.load(srsFile, Integer.MAX_VALUE);
            RingCommitment commitment = new RingCommitment(srs);
            java.util.Map<Integer, RingVrf> vrfs = new java.util.HashMap<>();
            for (int i = 0; i < ring.size(); i++) {
                results.add(guard("ring#" + i, ring.get(i), v -> ring(v, commitment,
                        vrfs.computeIfAbsent(hex(v, "ring_pks").length / 32, n -> RingVrf.of(srs, commitment, n)))));
            }
        }
        return new VectorReport(name(), dir, results);
    }

    private interface Check {
        String run(JsonNode v);
    }

    private static VectorResult guard(String id, JsonNode v, Check check) {
        try {
            String diff = check.run(v);
            return diff == null ? VectorResult.pass(id) : VectorResult.fail(id, diff);
        } catch (RuntimeException e) {
            return VectorResult.fail(id, JsonFiles.describe(e));
        }
    }

    private static byte[] hex(JsonNode v, String field) {
        return Hex.decode(v.get(field).asText());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Checks shared by every suite; null when they hold. */
    private static String common(JsonNode v) {
        if (!Arrays.equals(hex(v, "pk"), Bandersnatch.publicKey(hex(v, "sk")))) {
            return "public key of sk differs";
        }
        if (!Arrays.equals(hex(v, "h"), BandersnatchVrf.inputPoint(hex(v, "alpha")))) {
            return "input point h differs";
        }
        if (!Arrays.equals(hex(v, "beta"), BandersnatchVrf.outputHash(hex(v, "gamma")))) {
            return "output hash beta differs";
        }
        return null;
    }

    private static byte[] tampered(byte[] sig) {
        byte[] bad = sig.clone();
        bad[bad.length - 1] ^= 1;
        return bad;
    }

    private static String ietf(JsonNode v) {
        String c = common(v);
        if (c != null) {
            return c;
        }
        byte[] alpha = hex(v, "alpha");
        byte[] ad = hex(v, "ad");
        byte[] expected = concat(hex(v, "gamma"), hex(v, "proof_c"), hex(v, "proof_s"));
        if (!Arrays.equals(expected, BandersnatchVrf.ietfProve(hex(v, "sk"), alpha, ad))) {
            return "proof differs";
        }
        if (!BandersnatchVrf.ietfVerify(hex(v, "pk"), alpha, ad, expected)) {
            return "valid proof rejected";
        }
        if (BandersnatchVrf.ietfVerify(hex(v, "pk"), alpha, ad, tampered(expected))) {
            return "tampered proof accepted";
        }
        return null;
    }

    private static String pedersen(JsonNode v) {
        String c = common(v);
        if (c != null) {
            return c;
        }
        byte[] alpha = hex(v, "alpha");
        byte[] ad = hex(v, "ad");
        byte[] expected = concat(hex(v, "gamma"), hex(v, "proof_pk_com"), hex(v, "proof_r"), hex(v, "proof_ok"),
                hex(v, "proof_s"), hex(v, "proof_sb"));
        if (!Arrays.equals(expected, BandersnatchVrf.pedersenProve(hex(v, "sk"), hex(v, "blinding"), alpha, ad))) {
            return "proof differs";
        }
        if (!BandersnatchVrf.pedersenVerify(alpha, ad, expected)) {
            return "valid proof rejected";
        }
        if (BandersnatchVrf.pedersenVerify(alpha, ad, tampered(expected))) {
            return "tampered proof accepted";
        }
        return null;
    }

    private static String ring(JsonNode v, RingCommitment commitment, RingVrf vrf) {
        String c = common(v);
        if (c != null) {
            return c;
        }
        byte[] pks = hex(v, "ring_pks");
        List<byte[]> keys = new ArrayList<>();
        for (int o = 0; o < pks.length; o += 32) {
            keys.add(Arrays.copyOfRange(pks, o, o + 32));
        }
        if (!Arrays.equals(hex(v, "ring_pks_com"), commitment.commit(keys))) {
            return "ring commitment differs";
        }
        return RingProofCheck.check(v, hex(v, "ring_pks_com"), vrf);
    }
}
