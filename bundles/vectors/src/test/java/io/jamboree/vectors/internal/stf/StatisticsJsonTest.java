package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.stf.statistics.StatisticsInput;
import io.jamboree.stf.statistics.StatisticsState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tiny statistics vector read from its JSON: the transition agrees with the JSON's post-state, and the
 * binary decoding agrees with the JSON reading.
 */
class StatisticsJsonTest {

    private static final ChainParams P = ChainParams.tiny();

    static Stream<Arguments> vectors() {
        return VectorFiles.tinyJson("statistics");
    }

    static StfSubsystem.TestCase<StatisticsInput, StatisticsState> testCase(JsonNode n) {
        JsonNode in = n.get("input");
        StatisticsInput input = new StatisticsInput(JsonSupport.u32(in, "slot"), JsonSupport.u16(in, "author_index"),
                BlockJson.extrinsic(in.get("extrinsic"), P));
        return new StfSubsystem.TestCase<>(input, state(n.get("pre_state")), null, state(n.get("post_state")));
    }

    static StatisticsState state(JsonNode s) {
        return new StatisticsState(StateJson.validatorsActivity(s.get("vals_curr_stats")),
                StateJson.validatorsActivity(s.get("vals_last_stats")), JsonSupport.u32(s, "slot"),
                StateJson.validatorKeys(s.get("curr_validators")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path json) {
        StfSubsystem.TestCase<StatisticsInput, StatisticsState> fromJson = testCase(JsonVectors.read(json));
        assertEquals(Optional.empty(), StfCheck.check(StatisticsVectors.INSTANCE, fromJson, P), name);

        StfSubsystem.TestCase<StatisticsInput, StatisticsState> fromBin = StatisticsVectors.INSTANCE.decode(
                VectorFiles.read(JsonVectors.bin(json)), P);
        for (int i = 0; i < StatisticsState.FIELDS.size(); i++) {
            assertArrayEquals(fromBin.preState().encodeField(i, P), fromJson.preState().encodeField(i, P),
                    "pre_state." + StatisticsState.FIELDS.get(i));
            assertArrayEquals(fromBin.postState().encodeField(i, P), fromJson.postState().encodeField(i, P),
                    "post_state." + StatisticsState.FIELDS.get(i));
        }
        Encoder a = new Encoder();
        fromBin.input().encode(a, P);
        Encoder b = new Encoder();
        fromJson.input().encode(b, P);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "input");
    }
}
