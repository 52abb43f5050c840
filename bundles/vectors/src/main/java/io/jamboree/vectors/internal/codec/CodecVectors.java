package io.jamboree.vectors.internal.codec;

import io.jamboree.json.BlockJson;
import io.jamboree.json.StateJson;
import io.jamboree.json.WorkJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.LastAccumulationOutputs;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.SafroleState;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.Statistics;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.AssurancesExtrinsic;
import io.jamboree.types.Block;
import io.jamboree.types.DisputesExtrinsic;
import io.jamboree.types.Extrinsic;
import io.jamboree.types.GuaranteesExtrinsic;
import io.jamboree.types.Header;
import io.jamboree.types.PreimagesExtrinsic;
import io.jamboree.types.RefineContext;
import io.jamboree.types.TicketsExtrinsic;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry point for the codec conformance vectors ({@code codec/tiny}, {@code codec/full}): maps a vector file's
 * base name to the {@link VectorType} that decodes its {@code .bin}, encodes values, parses its {@code .json} and
 * writes JSON.
 *
 * <p>Usage:
 * <pre>{@code
 * VectorType<?> t = CodecVectors.forName("header_0").orElseThrow();
 * Object fromBin = t.decode(binBytes, ChainParams.tiny());
 * Object fromJson = t.fromJson(jsonNode, ChainParams.tiny());
 * byte[] again = t.encodeObject(fromJson, ChainParams.tiny());   // must equal binBytes
 * JsonNode json = t.toJsonObject(fromBin, ChainParams.tiny());   // must equal jsonNode
 * }</pre>
 *
 * <p>Names: a trailing {@code _<digits>} is ignored, so {@code header_0}, {@code header_1} → header;
 * {@code work_result_0}, {@code work_result_1} → work_result ({@link WorkDigest}). Known base names:
 * {@code assurances_extrinsic, block, disputes_extrinsic, extrinsic, guarantees_extrinsic, header,
 * preimages_extrinsic, refine_context, tickets_extrinsic, work_item, work_package, work_report, work_result}.
 * State components are also registered under their names (see {@link #stateComponent(int)}), e.g.
 * {@code safrole_state}, {@code recent_blocks}, {@code statistics}.
 */
public final class CodecVectors {
    private static final Pattern INDEX_SUFFIX = Pattern.compile("_\\d+$");
    private static final Map<String, VectorType<?>> TYPES = new LinkedHashMap<>();

    static {
        add(new VectorType<>("assurances_extrinsic", AssurancesExtrinsic.class, AssurancesExtrinsic::decode,
                AssurancesExtrinsic::encode, (n, p) -> BlockJson.assurancesExtrinsic(n), (v, p) -> BlockJson.toJson(v)));
        add(new VectorType<>("block", Block.class, Block::decode, Block::encode, BlockJson::block, BlockJson::toJson));
        add(new VectorType<>("disputes_extrinsic", DisputesExtrinsic.class, DisputesExtrinsic::decode,
                DisputesExtrinsic::encode, (n, p) -> BlockJson.disputesExtrinsic(n), (v, p) -> BlockJson.toJson(v)));
        add(new VectorType<>("extrinsic", Extrinsic.class, Extrinsic::decode, Extrinsic::encode, BlockJson::extrinsic,
                BlockJson::toJson));
        add(new VectorType<>("guarantees_extrinsic", GuaranteesExtrinsic.class, GuaranteesExtrinsic::decode,
                GuaranteesExtrinsic::encode, BlockJson::guaranteesExtrinsic, BlockJson::toJson));
        add(new VectorType<>("header", Header.class, Header::decode, Header::encode, BlockJson::header,
                BlockJson::toJson));
        add(new VectorType<>("preimages_extrinsic", PreimagesExtrinsic.class, PreimagesExtrinsic::decode,
                PreimagesExtrinsic::encode, (n, p) -> BlockJson.preimagesExtrinsic(n), (v, p) -> BlockJson.toJson(v)));
        add(new VectorType<>("refine_context", RefineContext.class, RefineContext::decode, RefineContext::encode,
                (n, p) -> WorkJson.refineContext(n), (v, p) -> WorkJson.toJson(v)));
        add(new VectorType<>("tickets_extrinsic", TicketsExtrinsic.class, TicketsExtrinsic::decode,
                TicketsExtrinsic::encode, (n, p) -> BlockJson.ticketsExtrinsic(n), (v, p) -> BlockJson.toJson(v)));
        add(new VectorType<>("work_item", WorkItem.class, WorkItem::decode, WorkItem::encode,
                (n, p) -> WorkJson.workItem(n), (v, p) -> WorkJson.toJson(v)));
        add(new VectorType<>("work_package", WorkPackage.class, WorkPackage::decode, WorkPackage::encode,
                (n, p) -> WorkJson.workPackage(n), (v, p) -> WorkJson.toJson(v)));
        add(new VectorType<>("work_report", WorkReport.class, WorkReport::decode, WorkReport::encode,
                WorkJson::workReport, WorkJson::toJson));
        add(new VectorType<>("work_result", WorkDigest.class, WorkDigest::decode, WorkDigest::encode,
                (n, p) -> WorkJson.workDigest(n), (v, p) -> WorkJson.toJson(v)));
    }

    private static final Map<Integer, VectorType<?>> STATE = new java.util.HashMap<>();

    static {
        state(1, new VectorType<>("auth_pools", AuthPools.class, AuthPools::decode, AuthPools::encode,
                (n, p) -> StateJson.authPools(n), (v, p) -> StateJson.toJson(v)));
        state(2, new VectorType<>("auth_queues", AuthQueues.class, AuthQueues::decode, AuthQueues::encode,
                (n, p) -> StateJson.authQueues(n), (v, p) -> StateJson.toJson(v)));
        state(3, new VectorType<>("recent_blocks", RecentBlocks.class, RecentBlocks::decode, RecentBlocks::encode,
                (n, p) -> StateJson.recentBlocks(n), (v, p) -> StateJson.toJson(v)));
        state(4, new VectorType<>("safrole_state", SafroleState.class, SafroleState::decode, SafroleState::encode,
                (n, p) -> StateJson.safroleState(n), (v, p) -> StateJson.toJson(v)));
        state(5, new VectorType<>("disputes_records", DisputesRecords.class, DisputesRecords::decode,
                DisputesRecords::encode, (n, p) -> StateJson.disputesRecords(n), (v, p) -> StateJson.toJson(v)));
        state(6, new VectorType<>("entropy", EntropyBuffer.class, EntropyBuffer::decode, EntropyBuffer::encode,
                (n, p) -> StateJson.entropyBuffer(n), (v, p) -> StateJson.toJson(v)));
        VectorType<ValidatorKeys> keys = new VectorType<>("validator_keys", ValidatorKeys.class,
                ValidatorKeys::decode, ValidatorKeys::encode, (n, p) -> StateJson.validatorKeys(n),
                (v, p) -> StateJson.toJson(v));
        state(7, keys);
        STATE.put(8, keys);
        STATE.put(9, keys);
        state(10, new VectorType<>("availability_assignments", AvailabilityAssignments.class,
                AvailabilityAssignments::decode, AvailabilityAssignments::encode,
                StateJson::availabilityAssignments, StateJson::toJson));
        state(11, new VectorType<>("time_slot", Long.class, (d, p) -> d.u32(), (v, e, p) -> e.u32(v),
                (n, p) -> JsonSupport.u32(n), (v, p) -> JsonSupport.num(v)));
        state(12, new VectorType<>("privileges", Privileges.class, Privileges::decode, Privileges::encode,
                (n, p) -> StateJson.privileges(n), (v, p) -> StateJson.toJson(v)));
        state(13, new VectorType<>("statistics", Statistics.class, Statistics::decode, Statistics::encode,
                (n, p) -> StateJson.statistics(n), (v, p) -> StateJson.toJson(v)));
        state(14, new VectorType<>("ready_queue", ReadyQueue.class, ReadyQueue::decode, ReadyQueue::encode,
                StateJson::readyQueue, StateJson::toJson));
        state(15, new VectorType<>("accumulated_queue", AccumulatedQueue.class, AccumulatedQueue::decode,
                AccumulatedQueue::encode, (n, p) -> StateJson.accumulatedQueue(n), (v, p) -> StateJson.toJson(v)));
        state(16, new VectorType<>("last_accumulation_outputs", LastAccumulationOutputs.class,
                LastAccumulationOutputs::decode, LastAccumulationOutputs::encode,
                (n, p) -> StateJson.lastAccumulationOutputs(n), (v, p) -> StateJson.toJson(v)));
        state(255, new VectorType<>("service_info", ServiceInfo.class, ServiceInfo::decode, ServiceInfo::encode,
                (n, p) -> StateJson.serviceInfo(n), (v, p) -> StateJson.toJson(v)));
    }

    private CodecVectors() {}

    private static void state(int chapter, VectorType<?> t) {
        STATE.put(chapter, t);
        TYPES.put(t.name(), t);
    }

    /**
     * The type serialized under state key {@code C(chapter)} (GP Appendix D.1): 1 auth pools, 2 auth queues,
     * 3 recent blocks, 4 Safrole state, 5 disputes records, 6 entropy, 7/8/9 validator keys (iota, kappa, lambda),
     * 10 availability assignments, 11 time slot ({@code Long}), 12 privileges, 13 statistics, 14 ready queue,
     * 15 accumulated queue, 16 last accumulation outputs; 255 the service info under {@code C(255, s)}.
     */
    public static Optional<VectorType<?>> stateComponent(int chapter) {
        return Optional.ofNullable(STATE.get(chapter));
    }

    private static void add(VectorType<?> t) {
        TYPES.put(t.name(), t);
    }

    /**
     * The type for a codec vector file base name such as {@code "header_0"}, {@code "block"} or
     * {@code "work_result_1"} (no extension, no directory); empty when the name is unknown.
     */
    public static Optional<VectorType<?>> forName(String vectorBaseName) {
        VectorType<?> t = TYPES.get(vectorBaseName);
        if (t == null) {
            t = TYPES.get(INDEX_SUFFIX.matcher(vectorBaseName).replaceFirst(""));
        }
        return Optional.ofNullable(t);
    }

    /** The canonical type names (without index suffixes). */
    public static Set<String> names() {
        return java.util.Collections.unmodifiableSet(TYPES.keySet());
    }

    /** The configuration for a vectors sub-folder name ({@code "tiny"} / {@code "full"}). */
    public static Optional<ChainParams> paramsFor(String folder) {
        return ChainParams.byName(folder);
    }
}
