package io.jamboree.vectors.internal.stf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.stf.authorizations.AuthorizationInput;
import io.jamboree.stf.authorizations.AuthorizationState;
import io.jamboree.stf.authorizations.CoreAuthorizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a tiny authorizations JSON vector (via jam-core's JSON mapping). */
final class AuthorizationJson {

    private AuthorizationJson() {}

    static StfSubsystem.TestCase<AuthorizationInput, AuthorizationState> read(Path p) throws IOException {
        JsonNode root = new ObjectMapper().readTree(p.toFile());
        JsonNode in = root.get("input");
        List<CoreAuthorizer> auths = new ArrayList<>();
        for (JsonNode a : in.get("auths")) {
            auths.add(new CoreAuthorizer(a.get("core").asInt(), JsonSupport.hash(a, "auth_hash")));
        }
        return new StfSubsystem.TestCase<>(new AuthorizationInput(in.get("slot").asLong(), auths),
                state(root.get("pre_state")), null, state(root.get("post_state")));
    }

    private static AuthorizationState state(JsonNode s) {
        return new AuthorizationState(StateJson.authPools(s.get("auth_pools")), StateJson.authQueues(s.get("auth_queues")));
    }
}
