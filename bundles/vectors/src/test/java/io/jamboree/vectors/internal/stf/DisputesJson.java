package io.jamboree.vectors.internal.stf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.json.BlockJson;
import io.jamboree.json.StateJson;
import io.jamboree.stf.disputes.DisputesError;
import io.jamboree.stf.disputes.DisputesState;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.Ed25519Public;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a tiny disputes JSON vector (via jam-core's JSON mapping). */
final class DisputesJson {

    private DisputesJson() {}

    static StfSubsystem.TestCase<DisputesExtrinsic, DisputesState> read(Path p, ChainParams params) throws IOException {
        JsonNode root = new ObjectMapper().readTree(p.toFile());
        JsonNode out = root.get("output");
        byte[] output;
        if (out.has("ok")) {
            List<Ed25519Public> mark = new ArrayList<>();
            for (JsonNode k : out.get("ok").get("offenders_mark")) {
                mark.add(new Ed25519Public(Hex.decode(k.asText())));
            }
            output = DisputesVectors.encodeOutput(mark);
        } else {
            String name = out.get("err").asText().toUpperCase(Locale.ROOT).replace('-', '_');
            output = DisputesVectors.encodeOutput(DisputesError.valueOf(name));
        }
        return new StfSubsystem.TestCase<>(BlockJson.disputesExtrinsic(root.get("input").get("disputes")),
                state(root.get("pre_state"), params), output, state(root.get("post_state"), params));
    }

    private static DisputesState state(JsonNode s, ChainParams p) {
        return new DisputesState(StateJson.disputesRecords(s.get("psi")), StateJson.availabilityAssignments(s.get("rho"), p),
                s.get("tau").asLong(), StateJson.validatorKeys(s.get("kappa")), StateJson.validatorKeys(s.get("lambda")));
    }
}
