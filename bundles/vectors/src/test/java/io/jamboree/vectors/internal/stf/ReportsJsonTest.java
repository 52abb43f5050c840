package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.stf.reports.ReportsError;
import io.jamboree.stf.reports.ReportsInput;
import io.jamboree.stf.reports.ReportsState;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ReportedWorkPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tiny reports vector read from its JSON: the transition agrees with the JSON's output and post-state,
 * and the binary decoding agrees with the JSON reading on input, output and every state field.
 */
class ReportsJsonTest {

    private static final ChainParams P = ChainParams.tiny();

    static Stream<Arguments> vectors() {
        return VectorFiles.tinyJson("reports");
    }

    static StfSubsystem.TestCase<ReportsInput, ReportsState> testCase(JsonNode n) {
        JsonNode in = n.get("input");
        ReportsInput input = new ReportsInput(BlockJson.guaranteesExtrinsic(in.get("guarantees"), P),
                JsonSupport.u32(in, "slot"), JsonSupport.list(in, "known_packages", JsonSupport::hash));
        Encoder out = new Encoder();
        JsonNode o = n.get("output");
        if (o.has("ok")) {
            List<ReportedWorkPackage> reported = JsonSupport.list(o.get("ok"), "reported",
                    e -> new ReportedWorkPackage(JsonSupport.hash(e, "work_package_hash"),
                            JsonSupport.hash(e, "segment_tree_root")));
            List<Ed25519Public> reporters = JsonSupport.list(o.get("ok"), "reporters", JsonSupport::ed25519);
            out.u8(0).varSeq(reported, (x, r) -> r.encode(x, P)).varSeq(reporters, (x, k) -> k.encode(x));
        } else {
            out.u8(1).u8(JsonVectors.errorCode(o.get("err"), ReportsError.class));
        }
        return new StfSubsystem.TestCase<>(input, state(n.get("pre_state")), out.toByteArray(), state(n.get("post_state")));
    }

    static ReportsState state(JsonNode s) {
        return new ReportsState(
                StateJson.availabilityAssignments(s.get("avail_assignments"), P),
                StateJson.validatorKeys(s.get("curr_validators")),
                StateJson.validatorKeys(s.get("prev_validators")),
                StateJson.entropyBuffer(s.get("entropy")),
                JsonSupport.list(s, "offenders", JsonSupport::ed25519),
                StateJson.recentBlocks(s.get("recent_blocks")),
                StateJson.authPools(s.get("auth_pools")),
                JsonSupport.list(s, "accounts", a -> new ReportsState.Account(JsonSupport.u32(a, "id"),
                        StateJson.serviceInfo(a.get("data").get("service")))),
                StateJson.coresActivity(s.get("cores_statistics")),
                StateJson.servicesStatistics(s.get("services_statistics")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, Path json) {
        StfSubsystem.TestCase<ReportsInput, ReportsState> fromJson = testCase(JsonVectors.read(json));
        assertEquals(Optional.empty(), StfCheck.check(ReportsVectors.INSTANCE, fromJson, P), name);

        StfSubsystem.TestCase<ReportsInput, ReportsState> fromBin = ReportsVectors.INSTANCE.decode(VectorFiles.read(JsonVectors.bin(json)), P);
        assertArrayEquals(fromBin.output(), fromJson.output(), "output");
        for (int i = 0; i < ReportsState.FIELDS.size(); i++) {
            assertArrayEquals(fromBin.preState().encodeField(i, P), fromJson.preState().encodeField(i, P),
                    "pre_state." + ReportsState.FIELDS.get(i));
            assertArrayEquals(fromBin.postState().encodeField(i, P), fromJson.postState().encodeField(i, P),
                    "post_state." + ReportsState.FIELDS.get(i));
        }
        Encoder a = new Encoder();
        fromBin.input().encode(a, P);
        Encoder b = new Encoder();
        fromJson.input().encode(b, P);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "input");
    }
}
