package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.stf.preimages.PreimageAccount;
import io.jamboree.stf.preimages.PreimagesError;
import io.jamboree.stf.preimages.PreimagesInput;
import io.jamboree.stf.preimages.PreimagesState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tiny preimages vector read from its JSON: the transition agrees with the JSON's output and
 * post-state, and the binary decoding agrees with the JSON reading.
 */
class PreimagesJsonTest {

    private static final ChainParams P = ChainParams.tiny();

    static Stream<Arguments> vectors() {
        return VectorFiles.tinyJson("preimages");
    }

    static StfSubsystem.TestCase<PreimagesInput, PreimagesState> testCase(JsonNode n) {
        JsonNode in = n.get("input");
        PreimagesInput input = new PreimagesInput(BlockJson.preimagesExtrinsic(in.get("preimages")),
                JsonSupport.u32(in, "slot"));
        Encoder out = new Encoder();
        JsonNode o = n.get("output");
        if (o.has("ok")) {
            out.u8(0);
        } else {
            out.u8(1).u8(JsonVectors.errorCode(o.get("err"), PreimagesError.class));
        }
        return new StfSubsystem.TestCase<>(input, state(n.get("pre_state")), out.toByteArray(),
                state(n.get("post_state")));
    }

    static PreimagesState state(JsonNode s) {
        return new PreimagesState(JsonSupport.list(s, "accounts", a -> {
            JsonNode d = a.get("data");
            return new PreimageAccount(JsonSupport.u32(a, "id"),
                    JsonSupport.list(d, "preimage_blobs", b -> new PreimageAccount.BlobEntry(
                            JsonSupport.hash(b, "hash"), JsonSupport.blob(b, "blob"))),
                    JsonSupport.list(d, "preimage_requests", q -> new PreimageAccount.Request(
                            JsonSupport.hash(q.get("key"), "hash"), JsonSupport.u32(q.get("key"), "length"),
                            JsonSupport.list(q, "value", JsonSupport::u32))));
        }), StateJson.servicesStatistics(s.get("statistics")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path json) {
        StfSubsystem.TestCase<PreimagesInput, PreimagesState> fromJson = testCase(JsonVectors.read(json));
        assertEquals(Optional.empty(), StfCheck.check(PreimagesVectors.INSTANCE, fromJson, P), name);

        StfSubsystem.TestCase<PreimagesInput, PreimagesState> fromBin = PreimagesVectors.INSTANCE.decode(
                VectorFiles.read(JsonVectors.bin(json)), P);
        assertArrayEquals(fromBin.output(), fromJson.output(), "output");
        for (int i = 0; i < PreimagesState.FIELDS.size(); i++) {
            assertArrayEquals(fromBin.preState().encodeField(i, P), fromJson.preState().encodeField(i, P),
                    "pre_state." + PreimagesState.FIELDS.get(i));
            assertArrayEquals(fromBin.postState().encodeField(i, P), fromJson.postState().encodeField(i, P),
                    "post_state." + PreimagesState.FIELDS.get(i));
        }
        Encoder a = new Encoder();
        fromBin.input().encode(a, P);
        Encoder b = new Encoder();
        fromJson.input().encode(b, P);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "input");
    }
}
