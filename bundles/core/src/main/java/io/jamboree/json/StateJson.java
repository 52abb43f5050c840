package io.jamboree.json;

import static io.jamboree.json.JsonSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.core.ChainParams;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.AlwaysAccumulateEntry;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.AvailabilityAssignment;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.LastAccumulationOutputs;
import io.jamboree.types.Mmr;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.ReadyRecord;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportedWorkPackage;
import io.jamboree.types.SafroleState;
import io.jamboree.types.ServiceActivityRecord;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorActivityRecord;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import java.util.List;

/**
 * JSON mapping of the state components (GP §4.2, Appendix D.1) as the STF vectors ({@code stf/*}) write them.
 * The vectors spread the Safrole state over separate keys ({@code gamma_k, gamma_z, gamma_s, gamma_a}); use
 * {@link #safroleState(JsonNode)} on an object holding those four keys.
 */
public final class StateJson {
    private StateJson() {}

    // ---- validators, entropy

    public static ValidatorKey validatorKey(JsonNode n) {
        return new ValidatorKey(bandersnatch(n, "bandersnatch"), ed25519(n, "ed25519"), bls(n, "bls"),
                metadata(n, "metadata"));
    }

    public static JsonNode toJson(ValidatorKey k) {
        ObjectNode o = object();
        o.put("bandersnatch", k.bandersnatch().hex());
        o.put("ed25519", k.ed25519().hex());
        o.put("bls", k.bls().hex());
        o.put("metadata", k.metadata().hex());
        return o;
    }

    public static ValidatorKeys validatorKeys(JsonNode n) {
        return new ValidatorKeys(list(n, StateJson::validatorKey));
    }

    public static JsonNode toJson(ValidatorKeys ks) {
        return array(ks.keys(), StateJson::toJson);
    }

    /** {@code eta}: an array of 4 hashes. */
    public static EntropyBuffer entropyBuffer(JsonNode n) {
        try {
            return new EntropyBuffer(list(n, JsonSupport::hash));
        } catch (io.jamboree.codec.CodecException e) {
            throw new JsonMappingException(e.getMessage());
        }
    }

    public static JsonNode toJson(EntropyBuffer e) {
        return WorkJson.hashes(e.entropy());
    }

    // ---- safrole

    /** {@code {"tickets": [...]}} or {@code {"keys": [...]}}. */
    public static TicketsOrKeys ticketsOrKeys(JsonNode n) {
        if (n != null && n.has("tickets")) {
            return new TicketsOrKeys.Tickets(list(n, "tickets", BlockJson::ticketBody));
        }
        if (n != null && n.has("keys")) {
            return new TicketsOrKeys.Keys(list(n, "keys", JsonSupport::bandersnatch));
        }
        throw new JsonMappingException("expected {\"tickets\": ...} or {\"keys\": ...}");
    }

    public static JsonNode toJson(TicketsOrKeys t) {
        ObjectNode o = object();
        switch (t) {
            case TicketsOrKeys.Tickets x -> o.set("tickets", array(x.tickets(), BlockJson::toJson));
            case TicketsOrKeys.Keys x -> {
                ArrayNode a = array();
                x.keys().forEach(k -> a.add(k.hex()));
                o.set("keys", a);
            }
        }
        return o;
    }

    /** Reads {@code gamma_k, gamma_z, gamma_s, gamma_a} from an object (e.g. a safrole {@code pre_state}). */
    public static SafroleState safroleState(JsonNode n) {
        return new SafroleState(validatorKeys(field(n, "gamma_k")), ringCommitment(n, "gamma_z"),
                ticketsOrKeys(field(n, "gamma_s")), list(n, "gamma_a", BlockJson::ticketBody));
    }

    /** Writes {@code gamma_k, gamma_z, gamma_s, gamma_a} into {@code o}. */
    public static ObjectNode putSafrole(ObjectNode o, SafroleState s) {
        o.set("gamma_k", toJson(s.pendingValidators()));
        o.put("gamma_z", s.epochRoot().hex());
        o.set("gamma_s", toJson(s.sealTickets()));
        o.set("gamma_a", array(s.ticketAccumulator(), BlockJson::toJson));
        return o;
    }

    public static JsonNode toJson(SafroleState s) {
        return putSafrole(object(), s);
    }

    // ---- disputes

    public static DisputesRecords disputesRecords(JsonNode n) {
        return new DisputesRecords(list(n, "good", JsonSupport::hash), list(n, "bad", JsonSupport::hash),
                list(n, "wonky", JsonSupport::hash), list(n, "offenders", JsonSupport::ed25519));
    }

    public static JsonNode toJson(DisputesRecords d) {
        ObjectNode o = object();
        o.set("good", WorkJson.hashes(d.good()));
        o.set("bad", WorkJson.hashes(d.bad()));
        o.set("wonky", WorkJson.hashes(d.wonky()));
        ArrayNode off = array();
        d.offenders().forEach(k -> off.add(k.hex()));
        o.set("offenders", off);
        return o;
    }

    // ---- recent blocks

    public static ReportedWorkPackage reportedWorkPackage(JsonNode n) {
        return new ReportedWorkPackage(hash(n, "hash"), hash(n, "exports_root"));
    }

    public static JsonNode toJson(ReportedWorkPackage r) {
        ObjectNode o = object();
        o.put("hash", r.hash().hex());
        o.put("exports_root", r.exportsRoot().hex());
        return o;
    }

    public static BlockInfo blockInfo(JsonNode n) {
        return new BlockInfo(hash(n, "header_hash"), hash(n, "beefy_root"), hash(n, "state_root"),
                list(n, "reported", StateJson::reportedWorkPackage));
    }

    public static JsonNode toJson(BlockInfo b) {
        ObjectNode o = object();
        o.put("header_hash", b.headerHash().hex());
        o.put("beefy_root", b.beefyRoot().hex());
        o.put("state_root", b.stateRoot().hex());
        o.set("reported", array(b.reported(), StateJson::toJson));
        return o;
    }

    /** {@code {"peaks": [hash or null, ...]}}. */
    public static Mmr mmr(JsonNode n) {
        return new Mmr(list(n, "peaks", x -> x.isNull() ? null : hash(x)));
    }

    public static JsonNode toJson(Mmr m) {
        ObjectNode o = object();
        o.set("peaks", array(m.peaks(), h -> F.textNode(h.hex())));
        return o;
    }

    /** {@code beta}: {@code {"history": [...], "mmr": {...}}}. */
    public static RecentBlocks recentBlocks(JsonNode n) {
        return new RecentBlocks(list(n, "history", StateJson::blockInfo), mmr(field(n, "mmr")));
    }

    public static JsonNode toJson(RecentBlocks r) {
        ObjectNode o = object();
        o.set("history", array(r.history(), StateJson::toJson));
        o.set("mmr", toJson(r.mmr()));
        return o;
    }

    // ---- statistics

    public static ValidatorActivityRecord validatorActivity(JsonNode n) {
        return new ValidatorActivityRecord(u32(n, "blocks"), u32(n, "tickets"), u32(n, "pre_images"),
                u32(n, "pre_images_size"), u32(n, "guarantees"), u32(n, "assurances"));
    }

    public static JsonNode toJson(ValidatorActivityRecord r) {
        ObjectNode o = object();
        o.set("blocks", num(r.blocks()));
        o.set("tickets", num(r.tickets()));
        o.set("pre_images", num(r.preImages()));
        o.set("pre_images_size", num(r.preImagesSize()));
        o.set("guarantees", num(r.guarantees()));
        o.set("assurances", num(r.assurances()));
        return o;
    }

    public static List<ValidatorActivityRecord> validatorsActivity(JsonNode n) {
        return list(n, StateJson::validatorActivity);
    }

    public static CoreActivityRecord coreActivity(JsonNode n) {
        return new CoreActivityRecord(u64(n, "da_load"), u64(n, "popularity"), u64(n, "imports"),
                u64(n, "extrinsic_count"), u64(n, "extrinsic_size"), u64(n, "exports"), u64(n, "bundle_size"),
                u64(n, "gas_used"));
    }

    public static JsonNode toJson(CoreActivityRecord r) {
        ObjectNode o = object();
        o.set("da_load", num(r.daLoad()));
        o.set("popularity", num(r.popularity()));
        o.set("imports", num(r.imports()));
        o.set("extrinsic_count", num(r.extrinsicCount()));
        o.set("extrinsic_size", num(r.extrinsicSize()));
        o.set("exports", num(r.exports()));
        o.set("bundle_size", num(r.bundleSize()));
        o.set("gas_used", num(r.gasUsed()));
        return o;
    }

    public static List<CoreActivityRecord> coresActivity(JsonNode n) {
        return list(n, StateJson::coreActivity);
    }

    public static ServiceActivityRecord serviceActivity(JsonNode n) {
        return new ServiceActivityRecord(u64(n, "provided_count"), u64(n, "provided_size"),
                u64(n, "refinement_count"), u64(n, "refinement_gas_used"), u64(n, "imports"),
                u64(n, "extrinsic_count"), u64(n, "extrinsic_size"), u64(n, "exports"), u64(n, "accumulate_count"),
                u64(n, "accumulate_gas_used"));
    }

    public static JsonNode toJson(ServiceActivityRecord r) {
        ObjectNode o = object();
        o.set("provided_count", num(r.providedCount()));
        o.set("provided_size", num(r.providedSize()));
        o.set("refinement_count", num(r.refinementCount()));
        o.set("refinement_gas_used", num(r.refinementGasUsed()));
        o.set("imports", num(r.imports()));
        o.set("extrinsic_count", num(r.extrinsicCount()));
        o.set("extrinsic_size", num(r.extrinsicSize()));
        o.set("exports", num(r.exports()));
        o.set("accumulate_count", num(r.accumulateCount()));
        o.set("accumulate_gas_used", num(r.accumulateGasUsed()));
        return o;
    }

    /** {@code {"id": s, "record": {...}}}. */
    public static ServiceStatisticsEntry serviceStatisticsEntry(JsonNode n) {
        return new ServiceStatisticsEntry(u32(n, "id"), serviceActivity(field(n, "record")));
    }

    public static JsonNode toJson(ServiceStatisticsEntry e) {
        ObjectNode o = object();
        o.set("id", num(e.id()));
        o.set("record", toJson(e.record()));
        return o;
    }

    public static List<ServiceStatisticsEntry> servicesStatistics(JsonNode n) {
        return list(n, StateJson::serviceStatisticsEntry);
    }

    /** ASN {@code Statistics}: {@code {"vals_curr", "vals_last", "cores", "services"}}. */
    public static io.jamboree.types.Statistics statistics(JsonNode n) {
        return new io.jamboree.types.Statistics(validatorsActivity(field(n, "vals_curr")),
                validatorsActivity(field(n, "vals_last")), coresActivity(field(n, "cores")),
                servicesStatistics(field(n, "services")));
    }

    public static JsonNode toJson(io.jamboree.types.Statistics s) {
        ObjectNode o = object();
        o.set("vals_curr", array(s.valsCurr(), StateJson::toJson));
        o.set("vals_last", array(s.valsLast(), StateJson::toJson));
        o.set("cores", array(s.cores(), StateJson::toJson));
        o.set("services", array(s.services(), StateJson::toJson));
        return o;
    }

    // ---- availability assignments (rho)

    public static AvailabilityAssignment availabilityAssignment(JsonNode n, ChainParams p) {
        return new AvailabilityAssignment(WorkJson.workReport(field(n, "report"), p), u32(n, "timeout"));
    }

    public static JsonNode toJson(AvailabilityAssignment a, ChainParams p) {
        ObjectNode o = object();
        o.set("report", WorkJson.toJson(a.report(), p));
        o.set("timeout", num(a.timeout()));
        return o;
    }

    /** {@code rho} / {@code avail_assignments}: array of C entries, {@code null} for an empty core. */
    public static AvailabilityAssignments availabilityAssignments(JsonNode n, ChainParams p) {
        return new AvailabilityAssignments(list(n, x -> x.isNull() ? null : availabilityAssignment(x, p)));
    }

    public static JsonNode toJson(AvailabilityAssignments a, ChainParams p) {
        return array(a.assignments(), x -> toJson(x, p));
    }

    // ---- authorizations

    public static AuthPools authPools(JsonNode n) {
        return new AuthPools(list(n, x -> list(x, JsonSupport::hash)));
    }

    public static JsonNode toJson(AuthPools a) {
        return array(a.pools(), WorkJson::hashes);
    }

    public static AuthQueues authQueues(JsonNode n) {
        return new AuthQueues(list(n, x -> list(x, JsonSupport::hash)));
    }

    public static JsonNode toJson(AuthQueues a) {
        return array(a.queues(), WorkJson::hashes);
    }

    // ---- privileges, accumulation

    public static Privileges privileges(JsonNode n) {
        List<Long> assign = list(n, "assign", JsonSupport::u32);
        long[] a = new long[assign.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = assign.get(i);
        }
        return new Privileges(u32(n, "bless"), a, u32(n, "designate"), u32(n, "register"),
                list(n, "always_acc", x -> new AlwaysAccumulateEntry(u32(x, "id"), u64(x, "gas"))));
    }

    public static JsonNode toJson(Privileges p) {
        ObjectNode o = object();
        o.set("bless", num(p.bless()));
        ArrayNode a = array();
        for (long v : p.assign()) {
            a.add(num(v));
        }
        o.set("assign", a);
        o.set("designate", num(p.designate()));
        o.set("register", num(p.register()));
        o.set("always_acc", array(p.alwaysAcc(), e -> {
            ObjectNode x = object();
            x.set("id", num(e.id()));
            x.set("gas", num(e.gas()));
            return x;
        }));
        return o;
    }

    public static ReadyRecord readyRecord(JsonNode n, ChainParams p) {
        return new ReadyRecord(WorkJson.workReport(field(n, "report"), p), list(n, "dependencies", JsonSupport::hash));
    }

    public static JsonNode toJson(ReadyRecord r, ChainParams p) {
        ObjectNode o = object();
        o.set("report", WorkJson.toJson(r.report(), p));
        o.set("dependencies", WorkJson.hashes(r.dependencies()));
        return o;
    }

    public static ReadyQueue readyQueue(JsonNode n, ChainParams p) {
        return new ReadyQueue(list(n, x -> list(x, y -> readyRecord(y, p))));
    }

    public static JsonNode toJson(ReadyQueue q, ChainParams p) {
        return array(q.slots(), s -> array(s, r -> toJson(r, p)));
    }

    public static AccumulatedQueue accumulatedQueue(JsonNode n) {
        return new AccumulatedQueue(list(n, x -> list(x, JsonSupport::hash)));
    }

    public static JsonNode toJson(AccumulatedQueue q) {
        return array(q.slots(), WorkJson::hashes);
    }

    /**
     * {@code theta}: {@code [{"service_id": s, "hash": h}, ...]}. The vectors carry no JSON for this component; the
     * field names follow the ASN naming style.
     */
    public static LastAccumulationOutputs lastAccumulationOutputs(JsonNode n) {
        return new LastAccumulationOutputs(list(n, x -> new AccumulationOutput(u32(x, "service_id"), hash(x, "hash"))));
    }

    public static JsonNode toJson(LastAccumulationOutputs t) {
        return array(t.outputs(), a -> {
            ObjectNode o = object();
            o.set("service_id", num(a.serviceId()));
            o.put("hash", a.hash().hex());
            return o;
        });
    }

    // ---- services

    public static ServiceInfo serviceInfo(JsonNode n) {
        return new ServiceInfo(u8(n, "version"), hash(n, "code_hash"), u64(n, "balance"), u64(n, "min_item_gas"),
                u64(n, "min_memo_gas"), u64(n, "bytes"), u64(n, "deposit_offset"), u32(n, "items"),
                u32(n, "creation_slot"), u32(n, "last_accumulation_slot"), u32(n, "parent_service"));
    }

    public static JsonNode toJson(ServiceInfo s) {
        ObjectNode o = object();
        o.put("version", s.version());
        o.put("code_hash", s.codeHash().hex());
        o.set("balance", num(s.balance()));
        o.set("min_item_gas", num(s.minItemGas()));
        o.set("min_memo_gas", num(s.minMemoGas()));
        o.set("bytes", num(s.bytes()));
        o.set("deposit_offset", num(s.depositOffset()));
        o.set("items", num(s.items()));
        o.set("creation_slot", num(s.creationSlot()));
        o.set("last_accumulation_slot", num(s.lastAccumulationSlot()));
        o.set("parent_service", num(s.parentService()));
        return o;
    }

    // ---- service account parts (STF vectors' "accounts" entries)

    /** {@code {"key": "0x..", "value": "0x.."}}. */
    public static io.jamboree.types.StorageEntry storageEntry(JsonNode n) {
        return new io.jamboree.types.StorageEntry(blob(n, "key"), blob(n, "value"));
    }

    public static JsonNode toJson(io.jamboree.types.StorageEntry s) {
        ObjectNode o = object();
        o.put("key", s.key().hex());
        o.put("value", s.value().hex());
        return o;
    }

    /** {@code {"hash": "0x..", "blob": "0x.."}}. */
    public static io.jamboree.types.PreimageBlob preimageBlob(JsonNode n) {
        return new io.jamboree.types.PreimageBlob(hash(n, "hash"), blob(n, "blob"));
    }

    public static JsonNode toJson(io.jamboree.types.PreimageBlob b) {
        ObjectNode o = object();
        o.put("hash", b.hash().hex());
        o.put("blob", b.blob().hex());
        return o;
    }

    /** {@code {"key": {"hash": "0x..", "length": n}, "value": [slots]}}. */
    public static io.jamboree.types.PreimageRequest preimageRequest(JsonNode n) {
        JsonNode k = field(n, "key");
        List<Long> slots = list(n, "value", JsonSupport::u32);
        long[] a = new long[slots.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = slots.get(i);
        }
        try {
            return new io.jamboree.types.PreimageRequest(hash(k, "hash"), u32(k, "length"), a);
        } catch (IllegalArgumentException e) {
            throw new JsonMappingException(e.getMessage());
        }
    }

    public static JsonNode toJson(io.jamboree.types.PreimageRequest r) {
        ObjectNode o = object();
        ObjectNode k = object();
        k.put("hash", r.hash().hex());
        k.set("length", num(r.length()));
        o.set("key", k);
        ArrayNode a = array();
        for (long v : r.slots()) {
            a.add(num(v));
        }
        o.set("value", a);
        return o;
    }
}
