package io.jamboree.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.SafroleState;
import io.jamboree.types.ValidatorKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every state component found in the STF vectors' {@code pre_state}/{@code post_state} (tiny and full) parses with
 * {@link StateJson}, writes back to the identical JSON, and survives an encode/decode round trip; the encoding of
 * each component must also occur verbatim inside the vector's {@code .bin} (which the vector authors produced
 * from the same state with their own codec).
 */
class StfStateJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestFactory
    List<DynamicTest> stfStates() throws IOException {
        Path stf = JsonVectorFiles.vectorsRoot().resolve("stf");
        assertTrue(Files.isDirectory(stf), "stf folder missing: " + stf);
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(stf)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String cfg = f.getParent().getFileName().toString();
                ChainParams p = ChainParams.byName(cfg).orElse(null);
                if (p == null) {
                    continue;
                }
                tests.add(dynamicTest(stf.relativize(f).toString(), () -> check(f, p)));
            }
        }
        assertTrue(tests.size() > 100, "too few STF vectors: " + tests.size());
        return tests;
    }

    private static final ThreadLocal<byte[]> BIN = new ThreadLocal<>();

    private static void check(Path f, ChainParams p) throws IOException {
        JsonNode j = MAPPER.readTree(f.toFile());
        Path bin = f.resolveSibling(f.getFileName().toString().replace(".json", ".bin"));
        BIN.set(Files.exists(bin) ? Files.readAllBytes(bin) : null);
        for (String part : List.of("pre_state", "post_state")) {
            JsonNode st = j.get(part);
            if (st != null && st.isObject()) {
                checkState((ObjectNode) st, p);
            }
        }
    }

    private static void checkState(ObjectNode st, ChainParams p) {
        for (var e : st.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "eta", "entropy" -> {
                    if (v.isArray()) {
                        same(v, StateJson.toJson(roundTrip(StateJson.entropyBuffer(v), EntropyBuffer::encode,
                                EntropyBuffer::decode, p)));
                    }
                }
                case "lambda", "kappa", "iota", "gamma_k", "curr_validators", "prev_validators" ->
                        same(v, StateJson.toJson(roundTrip(StateJson.validatorKeys(v), ValidatorKeys::encode,
                                ValidatorKeys::decode, p)));
                case "gamma_s" -> same(v, StateJson.toJson(StateJson.ticketsOrKeys(v)));
                case "gamma_a" -> same(v, JsonSupport.array(JsonSupport.list(v, BlockJson::ticketBody),
                        BlockJson::toJson));
                case "psi" -> same(v, StateJson.toJson(roundTrip(StateJson.disputesRecords(v),
                        DisputesRecords::encode, DisputesRecords::decode, p)));
                case "rho", "avail_assignments" -> same(v, StateJson.toJson(roundTrip(
                        StateJson.availabilityAssignments(v, p), AvailabilityAssignments::encode,
                        AvailabilityAssignments::decode, p), p));
                case "beta", "recent_blocks" -> same(v, StateJson.toJson(roundTrip(StateJson.recentBlocks(v),
                        RecentBlocks::encode, RecentBlocks::decode, p)));
                case "auth_pools" -> same(v, StateJson.toJson(StateJson.authPools(v)));
                case "auth_queues" -> same(v, StateJson.toJson(StateJson.authQueues(v)));
                case "cores_statistics" -> {
                    var cores = StateJson.coresActivity(v);
                    roundTrip(cores, (l, e2, p2) -> e2.fixedSeq(l, (x, r) -> r.encode(x, p2)),
                            (d, p2) -> d.fixedSeq(p2.coresCount(), x -> CoreActivityRecord.decode(x, p2)), p);
                    same(v, JsonSupport.array(cores, StateJson::toJson));
                }
                case "services_statistics", "statistics" -> {
                    var svcs = StateJson.servicesStatistics(v);
                    roundTrip(svcs, (l, e2, p2) -> e2.varSeq(l, (x, r) -> r.encode(x, p2)),
                            (d, p2) -> d.varSeq(1, "svc", x -> ServiceStatisticsEntry.decode(x, p2)), p);
                    same(v, JsonSupport.array(svcs, StateJson::toJson));
                }
                case "vals_curr_stats", "vals_last_stats" ->
                        same(v, JsonSupport.array(StateJson.validatorsActivity(v), StateJson::toJson));
                case "ready_queue" -> same(v, StateJson.toJson(roundTrip(StateJson.readyQueue(v, p),
                        ReadyQueue::encode, ReadyQueue::decode, p), p));
                case "accumulated" -> same(v, StateJson.toJson(StateJson.accumulatedQueue(v)));
                case "privileges" -> same(v, StateJson.toJson(roundTrip(StateJson.privileges(v), Privileges::encode,
                        Privileges::decode, p)));
                case "accounts" -> {
                    for (JsonNode a : v) {
                        JsonNode svc = a.get("data").get("service");
                        if (svc != null) {
                            same(svc, StateJson.toJson(StateJson.serviceInfo(svc)));
                        }
                        JsonNode data = a.get("data");
                        if (data.has("storage")) {
                            same(data.get("storage"), JsonSupport.array(
                                    JsonSupport.list(data.get("storage"), StateJson::storageEntry), StateJson::toJson));
                        }
                        if (data.has("preimage_blobs")) {
                            same(data.get("preimage_blobs"), JsonSupport.array(JsonSupport.list(
                                    data.get("preimage_blobs"), StateJson::preimageBlob), StateJson::toJson));
                        }
                        if (data.has("preimage_requests")) {
                            same(data.get("preimage_requests"), JsonSupport.array(JsonSupport.list(
                                    data.get("preimage_requests"), StateJson::preimageRequest), StateJson::toJson));
                        }
                    }
                }
                default -> { }
            }
        }
        if (st.has("gamma_k") && st.has("gamma_z")) {
            // the STF schema orders gamma's parts differently from C(4), so only round-trip here
            SafroleState s = StateJson.safroleState(st);
            byte[] bin = BIN.get();
            BIN.remove();
            roundTrip(s, SafroleState::encode, SafroleState::decode, p);
            BIN.set(bin);
        }
    }

    interface Enc<T> {
        void encode(T t, Encoder e, ChainParams p);
    }

    interface Dec<T> {
        T decode(Decoder d, ChainParams p);
    }

    private static <T> T roundTrip(T v, Enc<T> enc, Dec<T> dec, ChainParams p) {
        Encoder e = new Encoder();
        enc.encode(v, e, p);
        Decoder d = new Decoder(e.toByteArray());
        T back = dec.decode(d, p);
        d.expectEnd();
        assertEquals(v, back);
        byte[] bin = BIN.get();
        if (bin != null) {
            assertTrue(contains(bin, e.toByteArray()), () -> "encoding of " + v.getClass().getSimpleName()
                    + " not found in the vector's .bin");
        }
        return back;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void same(JsonNode expected, JsonNode actual) {
        assertTrue(expected.equals(JsonVectorFiles.NumericEquality.INSTANCE, actual),
                () -> "JSON differs:\nexpected " + expected + "\nactual   " + actual);
    }

}
