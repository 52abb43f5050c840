package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.json.WorkJson;
import io.jamboree.stf.assurances.AssurancesError;
import io.jamboree.stf.assurances.AssurancesInput;
import io.jamboree.stf.assurances.AssurancesState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tiny assurances vector read from its JSON: the transition agrees with the JSON's output and
 * post-state, and the binary decoding agrees with the JSON reading.
 */
class AssurancesJsonTest {

    private static final ChainParams P = ChainParams.tiny();

    static Stream<Arguments> vectors() {
        return VectorFiles.tinyJson("assurances");
    }

    static StfSubsystem.TestCase<AssurancesInput, AssurancesState> testCase(JsonNode n) {
        JsonNode in = n.get("input");
        AssurancesInput input = new AssurancesInput(BlockJson.assurancesExtrinsic(in.get("assurances")),
                JsonSupport.u32(in, "slot"), JsonSupport.hash(in, "parent"));
        Encoder out = new Encoder();
        JsonNode o = n.get("output");
        if (o.has("ok")) {
            out.u8(0).varSeq(JsonSupport.list(o.get("ok"), "reported", r -> WorkJson.workReport(r, P)),
                    (x, r) -> r.encode(x, P));
        } else {
            out.u8(1).u8(JsonVectors.errorCode(o.get("err"), AssurancesError.class));
        }
        return new StfSubsystem.TestCase<>(input, state(n.get("pre_state")), out.toByteArray(),
                state(n.get("post_state")));
    }

    static AssurancesState state(JsonNode s) {
        return new AssurancesState(StateJson.availabilityAssignments(s.get("avail_assignments"), P),
                StateJson.validatorKeys(s.get("curr_validators")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path json) {
        StfSubsystem.TestCase<AssurancesInput, AssurancesState> fromJson = testCase(JsonVectors.read(json));
        assertEquals(Optional.empty(), StfCheck.check(AssurancesVectors.INSTANCE, fromJson, P), name);

        StfSubsystem.TestCase<AssurancesInput, AssurancesState> fromBin = AssurancesVectors.INSTANCE.decode(
                VectorFiles.read(JsonVectors.bin(json)), P);
        assertArrayEquals(fromBin.output(), fromJson.output(), "output");
        for (int i = 0; i < AssurancesState.FIELDS.size(); i++) {
            assertArrayEquals(fromBin.preState().encodeField(i, P), fromJson.preState().encodeField(i, P),
                    "pre_state." + AssurancesState.FIELDS.get(i));
            assertArrayEquals(fromBin.postState().encodeField(i, P), fromJson.postState().encodeField(i, P),
                    "post_state." + AssurancesState.FIELDS.get(i));
        }
        Encoder a = new Encoder();
        fromBin.input().encode(a, P);
        Encoder b = new Encoder();
        fromJson.input().encode(b, P);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "input");
    }
}
