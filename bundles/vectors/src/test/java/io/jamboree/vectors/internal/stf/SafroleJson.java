package io.jamboree.vectors.internal.stf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.stf.safrole.SafroleError;
import io.jamboree.stf.safrole.SafroleInput;
import io.jamboree.stf.safrole.SafroleState;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.EpochMark;
import io.jamboree.types.TicketBody;
import io.jamboree.types.TicketEnvelope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a tiny Safrole JSON vector, its output encoded as the binary vector encodes it (via jam-core's JSON mapping). */
final class SafroleJson {

    private SafroleJson() {}

    static StfSubsystem.TestCase<SafroleInput, SafroleState> read(Path p) throws IOException {
        JsonNode root = new ObjectMapper().readTree(p.toFile());
        JsonNode in = root.get("input");
        List<TicketEnvelope> xt = new ArrayList<>();
        for (JsonNode t : in.get("extrinsic")) {
            xt.add(BlockJson.ticketEnvelope(t));
        }
        SafroleInput input = new SafroleInput(in.get("slot").asLong(), JsonSupport.hash(in, "entropy"), xt);
        JsonNode out = root.get("output");
        byte[] output;
        if (out.has("ok")) {
            JsonNode ok = out.get("ok");
            JsonNode e = ok.get("epoch_mark");
            Optional<EpochMark> em = e == null || e.isNull() ? Optional.empty() : Optional.of(BlockJson.epochMark(e));
            JsonNode t = ok.get("tickets_mark");
            Optional<List<TicketBody>> tm = t == null || t.isNull() ? Optional.empty()
                    : Optional.of(BlockJson.ticketsMark(t));
            output = SafroleVectors.encodeOutput(em, tm, ChainParams.tiny());
        } else {
            String name = out.get("err").asText().toUpperCase(Locale.ROOT).replace('-', '_');
            output = SafroleVectors.encodeOutput(SafroleError.valueOf(name));
        }
        return new StfSubsystem.TestCase<>(input, state(root.get("pre_state")), output, state(root.get("post_state")));
    }

    private static SafroleState state(JsonNode s) {
        io.jamboree.types.SafroleState gamma = StateJson.safroleState(s);
        List<Ed25519Public> offenders = new ArrayList<>();
        for (JsonNode k : s.get("post_offenders")) {
            offenders.add(new Ed25519Public(Hex.decode(k.asText())));
        }
        return new SafroleState(s.get("tau").asLong(), StateJson.entropyBuffer(s.get("eta")),
                StateJson.validatorKeys(s.get("lambda")), StateJson.validatorKeys(s.get("kappa")),
                gamma.pendingValidators(), StateJson.validatorKeys(s.get("iota")), gamma.ticketAccumulator(),
                gamma.sealTickets(), gamma.epochRoot(), offenders);
    }
}
