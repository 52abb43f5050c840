package io.jamboree.json;

import static io.jamboree.json.JsonSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Authorizer;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.RefineContext;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.SegmentRootLookupItem;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.Map;

/** JSON mapping of work packages, items, digests and reports (GP §11.1, §14.3) as in the vectors. */
public final class WorkJson {
    private WorkJson() {}

    public static RefineContext refineContext(JsonNode n) {
        return new RefineContext(hash(n, "anchor"), hash(n, "state_root"), hash(n, "beefy_root"),
                hash(n, "lookup_anchor"), u32(n, "lookup_anchor_slot"), list(n, "prerequisites", JsonSupport::hash));
    }

    public static JsonNode toJson(RefineContext c) {
        ObjectNode o = object();
        o.put("anchor", c.anchor().hex());
        o.put("state_root", c.stateRoot().hex());
        o.put("beefy_root", c.beefyRoot().hex());
        o.put("lookup_anchor", c.lookupAnchor().hex());
        o.set("lookup_anchor_slot", num(c.lookupAnchorSlot()));
        o.set("prerequisites", hashes(c.prerequisites()));
        return o;
    }

    static ArrayNode hashes(java.util.List<Hash> hs) {
        ArrayNode a = array();
        for (Hash h : hs) {
            a.add(h.hex());
        }
        return a;
    }

    public static ImportSpec importSpec(JsonNode n) {
        return new ImportSpec(hash(n, "tree_root"), u16(n, "index"));
    }

    public static JsonNode toJson(ImportSpec s) {
        ObjectNode o = object();
        o.put("tree_root", s.treeRoot().hex());
        o.put("index", s.index());
        return o;
    }

    public static ExtrinsicSpec extrinsicSpec(JsonNode n) {
        return new ExtrinsicSpec(hash(n, "hash"), u32(n, "len"));
    }

    public static JsonNode toJson(ExtrinsicSpec s) {
        ObjectNode o = object();
        o.put("hash", s.hash().hex());
        o.set("len", num(s.len()));
        return o;
    }

    public static WorkItem workItem(JsonNode n) {
        return new WorkItem(u32(n, "service"), hash(n, "code_hash"), u64(n, "refine_gas_limit"),
                u64(n, "accumulate_gas_limit"), u16(n, "export_count"), blob(n, "payload"),
                list(n, "import_segments", WorkJson::importSpec), list(n, "extrinsic", WorkJson::extrinsicSpec));
    }

    public static JsonNode toJson(WorkItem i) {
        ObjectNode o = object();
        o.set("service", num(i.service()));
        o.put("code_hash", i.codeHash().hex());
        o.set("refine_gas_limit", num(i.refineGasLimit()));
        o.set("accumulate_gas_limit", num(i.accumulateGasLimit()));
        o.put("export_count", i.exportCount());
        o.put("payload", i.payload().hex());
        o.set("import_segments", array(i.importSegments(), WorkJson::toJson));
        o.set("extrinsic", array(i.extrinsic(), WorkJson::toJson));
        return o;
    }

    public static WorkPackage workPackage(JsonNode n) {
        return new WorkPackage(u32(n, "auth_code_host"), hash(n, "auth_code_hash"),
                refineContext(field(n, "context")), blob(n, "authorization"), blob(n, "authorizer_config"),
                list(n, "items", WorkJson::workItem));
    }

    public static JsonNode toJson(WorkPackage w) {
        ObjectNode o = object();
        o.set("auth_code_host", num(w.authCodeHost()));
        o.put("auth_code_hash", w.authCodeHash().hex());
        o.set("context", toJson(w.context()));
        o.put("authorization", w.authorization().hex());
        o.put("authorizer_config", w.authorizerConfig().hex());
        o.set("items", array(w.items(), WorkJson::toJson));
        return o;
    }

    public static Authorizer authorizer(JsonNode n) {
        return new Authorizer(hash(n, "code_hash"), blob(n, "params"));
    }

    public static JsonNode toJson(Authorizer a) {
        ObjectNode o = object();
        o.put("code_hash", a.codeHash().hex());
        o.put("params", a.params().hex());
        return o;
    }

    /** JSON key of each {@link WorkExecResult} variant, indexed by discriminator. */
    private static final String[] RESULT_KEYS = {"ok", "out_of_gas", "panic", "bad_exports", "output_oversize",
            "bad_code", "code_oversize"};

    /** {@code {"ok": "0x.."}} or {@code {"panic": null}} etc. */
    public static WorkExecResult workExecResult(JsonNode n) {
        if (n == null || !n.isObject() || n.size() != 1) {
            throw new JsonMappingException("work result must be an object with exactly one key");
        }
        Map.Entry<String, JsonNode> e = n.properties().iterator().next();
        String k = e.getKey();
        if (k.equals("ok")) {
            return new WorkExecResult.Ok(new Blob(bytes(e.getValue())));
        }
        for (int i = 1; i < RESULT_KEYS.length; i++) {
            if (RESULT_KEYS[i].equals(k)) {
                return WorkExecResult.error(i);
            }
        }
        throw new JsonMappingException("unknown work result kind '" + k + "'");
    }

    public static JsonNode toJson(WorkExecResult r) {
        ObjectNode o = object();
        if (r instanceof WorkExecResult.Ok ok) {
            o.put("ok", ok.output().hex());
        } else {
            o.putNull(RESULT_KEYS[r.tag()]);
        }
        return o;
    }

    public static RefineLoad refineLoad(JsonNode n) {
        return new RefineLoad(u64(n, "gas_used"), u64(n, "imports"), u64(n, "extrinsic_count"),
                u64(n, "extrinsic_size"), u64(n, "exports"));
    }

    public static JsonNode toJson(RefineLoad l) {
        ObjectNode o = object();
        o.set("gas_used", num(l.gasUsed()));
        o.set("imports", num(l.imports()));
        o.set("extrinsic_count", num(l.extrinsicCount()));
        o.set("extrinsic_size", num(l.extrinsicSize()));
        o.set("exports", num(l.exports()));
        return o;
    }

    public static WorkDigest workDigest(JsonNode n) {
        return new WorkDigest(u32(n, "service_id"), hash(n, "code_hash"), hash(n, "payload_hash"),
                u64(n, "accumulate_gas"), workExecResult(field(n, "result")), refineLoad(field(n, "refine_load")));
    }

    public static JsonNode toJson(WorkDigest d) {
        ObjectNode o = object();
        o.set("service_id", num(d.serviceId()));
        o.put("code_hash", d.codeHash().hex());
        o.put("payload_hash", d.payloadHash().hex());
        o.set("accumulate_gas", num(d.accumulateGas()));
        o.set("result", toJson(d.result()));
        o.set("refine_load", toJson(d.refineLoad()));
        return o;
    }

    public static AvailabilitySpec availabilitySpec(JsonNode n) {
        return new AvailabilitySpec(hash(n, "hash"), u32(n, "length"), hash(n, "erasure_root"),
                hash(n, "exports_root"), u16(n, "exports_count"));
    }

    public static JsonNode toJson(AvailabilitySpec s) {
        ObjectNode o = object();
        o.put("hash", s.hash().hex());
        o.set("length", num(s.length()));
        o.put("erasure_root", s.erasureRoot().hex());
        o.put("exports_root", s.exportsRoot().hex());
        o.put("exports_count", s.exportsCount());
        return o;
    }

    public static SegmentRootLookupItem segmentRootLookupItem(JsonNode n) {
        return new SegmentRootLookupItem(hash(n, "work_package_hash"), hash(n, "segment_tree_root"));
    }

    public static JsonNode toJson(SegmentRootLookupItem s) {
        ObjectNode o = object();
        o.put("work_package_hash", s.workPackageHash().hex());
        o.put("segment_tree_root", s.segmentTreeRoot().hex());
        return o;
    }

    public static WorkReport workReport(JsonNode n, ChainParams p) {
        return new WorkReport(availabilitySpec(field(n, "package_spec")), refineContext(field(n, "context")),
                u16(n, "core_index"), hash(n, "authorizer_hash"), u64(n, "auth_gas_used"), blob(n, "auth_output"),
                list(n, "segment_root_lookup", WorkJson::segmentRootLookupItem),
                list(n, "results", WorkJson::workDigest));
    }

    public static JsonNode toJson(WorkReport r, ChainParams p) {
        ObjectNode o = object();
        o.set("package_spec", toJson(r.packageSpec()));
        o.set("context", toJson(r.context()));
        o.put("core_index", r.coreIndex());
        o.put("authorizer_hash", r.authorizerHash().hex());
        o.set("auth_gas_used", num(r.authGasUsed()));
        o.put("auth_output", r.authOutput().hex());
        o.set("segment_root_lookup", array(r.segmentRootLookup(), WorkJson::toJson));
        o.set("results", array(r.results(), WorkJson::toJson));
        return o;
    }
}
