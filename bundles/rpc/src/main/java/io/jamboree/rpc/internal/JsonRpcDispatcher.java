package io.jamboree.rpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.rpc.SubmissionRefusedException;
import io.jamboree.rpc.WorkPackageSubmitter;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over the JIP-2 methods: parses a request (or a batch), calls the method and returns the response text.
 * Every JIP-2 method and subscription is served; each {@code subscribeX} has its {@code unsubscribeX} (argument: the
 * subscription id). Subscriptions to values of a block's state take the method's arguments without the block hash,
 * then an optional {@code finalized} flag (default false: track the best head).
 */
final class JsonRpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);

    @FunctionalInterface
    private interface Method {
        JsonNode call(ArrayNode params, RpcSession session);
    }

    /** A subscription's reported value, from the arguments, at a tracked head. */
    @FunctionalInterface
    private interface Tracked {
        Function<ChainQueries.BlockRef, JsonNode> value(ArrayNode args);
    }

    private final ObjectMapper mapper;
    private final ChainQueries chain;
    private final Subscriptions subscriptions;
    private final Supplier<Optional<ExtrinsicPool>> pool;
    private final Supplier<Optional<WorkPackageSubmitter>> workPackages;
    private final Map<String, Method> methods = new LinkedHashMap<>();
    private final NodeActivity activity;

    JsonRpcDispatcher(ObjectMapper mapper, ChainQueries chain, Subscriptions subscriptions,
            Supplier<Optional<ExtrinsicPool>> pool, Supplier<Optional<WorkPackageSubmitter>> workPackages) {
        this(mapper, chain, subscriptions, pool, workPackages, NodeActivity.none());
    }

    JsonRpcDispatcher(ObjectMapper mapper, ChainQueries chain, Subscriptions subscriptions,
            Supplier<Optional<ExtrinsicPool>> pool, Supplier<Optional<WorkPackageSubmitter>> workPackages,
            NodeActivity activity) {
        this.activity = activity;
        this.mapper = mapper;
        this.chain = chain;
        this.subscriptions = subscriptions;
        this.pool = pool;
        this.workPackages = workPackages;
        register();
    }

    /** The names of every method served (subscriptions and their unsubscribe counterparts included). */
    List<String> methodNames() {
        return List.copyOf(methods.keySet());
    }

    private void register() {
        methods.put("parameters", (a, s) -> {
            JipTypes.args(a, "parameters", 0, 0);
            return chain.parameters();
        });
        methods.put("bestBlock", (a, s) -> {
            JipTypes.args(a, "bestBlock", 0, 0);
            return chain.best().map(ChainQueries.BlockRef::json).orElseThrow(() -> noChain());
        });
        methods.put("finalizedBlock", (a, s) -> {
            JipTypes.args(a, "finalizedBlock", 0, 0);
            return chain.finalized().map(ChainQueries.BlockRef::json).orElseThrow(() -> noChain());
        });
        methods.put("parent", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "parent", 1, 1);
            return orNull(chain.parent(JipTypes.hash(x, 0, "the child's header hash")).map(ChainQueries.BlockRef::json));
        });
        methods.put("stateRoot", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "stateRoot", 1, 1);
            return orNull(chain.stateRoot(JipTypes.hash(x, 0, "the header hash")).map(JipTypes::encode));
        });
        methods.put("beefyRoot", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "beefyRoot", 1, 1);
            return orNull(chain.beefyRoot(JipTypes.hash(x, 0, "the header hash")).map(JipTypes::encode));
        });
        methods.put("listServices", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "listServices", 1, 1);
            return chain.listServices(JipTypes.hash(x, 0, "the header hash")).map(JsonRpcDispatcher::numbers)
                    .orElseGet(() -> JipTypes.JSON.arrayNode());
        });
        atBlock("statistics", 0, x -> head -> blob(chain.statistics(head.hash())));
        atBlock("serviceData", 1, x -> {
            long service = JipTypes.u32(x, 0, "the service id");
            return head -> blob(chain.serviceData(head.hash(), service));
        });
        atBlock("serviceValue", 2, x -> {
            long service = JipTypes.u32(x, 0, "the service id");
            byte[] key = JipTypes.blob(x, 1, "the key");
            return head -> blob(chain.serviceValue(head.hash(), service, key));
        });
        atBlock("servicePreimage", 2, x -> {
            long service = JipTypes.u32(x, 0, "the service id");
            Hash h = JipTypes.hash(x, 1, "the preimage hash");
            return head -> blob(chain.servicePreimage(head.hash(), service, h));
        });
        atBlock("serviceRequest", 3, x -> {
            long service = JipTypes.u32(x, 0, "the service id");
            Hash h = JipTypes.hash(x, 1, "the preimage hash");
            long length = JipTypes.u32(x, 2, "the preimage length");
            return head -> orNull(chain.serviceRequest(head.hash(), service, h, length).map(JsonRpcDispatcher::numbers));
        });
        // not JIP-2: what the dashboard shows
        methods.put("jamboree_block", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "jamboree_block", 1, 1);
            return orNull(chain.block(JipTypes.hash(x, 0, "the header hash")));
        });
        methods.put("jamboree_validators", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "jamboree_validators", 1, 1);
            return orNull(chain.validators(JipTypes.hash(x, 0, "the header hash")));
        });
        methods.put("jamboree_workReports", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "jamboree_workReports", 1, 1);
            return orNull(chain.workReports(JipTypes.hash(x, 0, "the header hash")));
        });
        methods.put("jamboree_disputes", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "jamboree_disputes", 1, 1);
            return orNull(chain.disputes(JipTypes.hash(x, 0, "the header hash")));
        });
        methods.put("jamboree_peers", (a, s) -> {
            JipTypes.args(a, "jamboree_peers", 0, 0);
            return activity.peersJson();
        });
        methods.put("jam_setLogLevel", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "jam_setLogLevel", 2, 2);
            if (!x.get(0).isTextual() || !x.get(1).isTextual()) {
                throw RpcError.invalidParams("jam_setLogLevel takes a logger name prefix (or root) and a level, both strings");
            }
            return activity.logLevels().set(x.get(0).asText(), x.get(1).asText());
        });
        methods.put("jamboree_authored", (a, s) -> {
            JipTypes.args(a, "jamboree_authored", 0, 0);
            return activity.authoredJson();
        });
        subscription("subscribeBestBlock", false, x -> ChainQueries.BlockRef::json);
        subscription("subscribeFinalizedBlock", true, x -> ChainQueries.BlockRef::json);
        methods.put("submitWorkPackage", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "submitWorkPackage", 3, 3);
            long core = JipTypes.u32(x, 0, "the core index");
            byte[] wp = JipTypes.blob(x, 1, "the work-package");
            if (!x.get(2).isArray()) {
                throw RpcError.invalidParams("the extrinsics (argument 3) must be an array of base64 strings");
            }
            List<byte[]> extrinsics = new ArrayList<>();
            for (int i = 0; i < x.get(2).size(); i++) {
                extrinsics.add(JipTypes.blob((ArrayNode) x.get(2), i, "extrinsic " + i));
            }
            if (core >= chain.params().coresCount()) {
                throw RpcError.invalidParams("core " + core + " does not exist (C = " + chain.params().coresCount() + ")");
            }
            WorkPackageSubmitter w = workPackages.get().orElseThrow(() -> new RpcError(RpcError.NOT_AVAILABLE,
                    "submitWorkPackage is not available: this node runs no work-package distribution service yet"));
            try {
                w.submit((int) core, wp, extrinsics);
            } catch (SubmissionRefusedException e) {
                throw new RpcError(RpcError.REFUSED, "work-package refused: " + e.getMessage());
            }
            return NullNode.instance;
        });
        methods.put("submitPreimage", (a, s) -> {
            ArrayNode x = JipTypes.args(a, "submitPreimage", 3, 3);
            long service = JipTypes.u32(x, 0, "the service id");
            byte[] preimage = JipTypes.blob(x, 1, "the preimage");
            Hash anchor = JipTypes.hash(x, 2, "the best-chain block hash");
            if (!chain.known(anchor)) {
                throw new RpcError(RpcError.REFUSED, "preimage refused: block " + anchor + " is not known to this node");
            }
            ExtrinsicPool p = pool.get().orElseThrow(() -> new RpcError(RpcError.NOT_AVAILABLE,
                    "submitPreimage is not available: this node has no extrinsic pool (it does not author blocks)"));
            Submission r = p.submitPreimage(new Preimage(service, new Blob(preimage)));
            if (r instanceof Submission.Refused(String reason)) {
                throw new RpcError(RpcError.REFUSED, "preimage refused: " + reason);
            }
            return NullNode.instance;
        });
    }

    /** A method on the posterior state of a given block, and its subscription on the best or finalized head. */
    private void atBlock(String name, int argsAfterHash, Tracked value) {
        methods.put(name, (a, s) -> {
            ArrayNode x = JipTypes.args(a, name, 1 + argsAfterHash, 1 + argsAfterHash);
            Hash block = JipTypes.hash(x, 0, "the header hash");
            ArrayNode rest = JipTypes.JSON.arrayNode();
            for (int i = 1; i < x.size(); i++) {
                rest.add(x.get(i));
            }
            return value.value(rest).apply(new ChainQueries.BlockRef(block, 0));
        });
        String sub = "subscribe" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        methods.put(sub, (a, s) -> {
            ArrayNode x = JipTypes.args(a, sub, argsAfterHash, argsAfterHash + 1);
            boolean fin = x.size() > argsAfterHash && JipTypes.bool(x, argsAfterHash, "finalized");
            return JipTypes.JSON.textNode(subscriptions.subscribe(sub, s, fin, value.value(x)));
        });
        unsubscribe(sub);
    }

    private void subscription(String sub, boolean finalized, Tracked value) {
        methods.put(sub, (a, s) -> {
            ArrayNode x = JipTypes.args(a, sub, 0, 0);
            return JipTypes.JSON.textNode(subscriptions.subscribe(sub, s, finalized, value.value(x)));
        });
        unsubscribe(sub);
    }

    private void unsubscribe(String sub) {
        String name = "un" + sub;
        methods.put(name, (a, s) -> {
            ArrayNode x = JipTypes.args(a, name, 1, 1);
            JsonNode id = x.get(0);
            if (!id.isTextual() && !id.isIntegralNumber()) {
                throw RpcError.invalidParams(name + ": the subscription id must be a string");
            }
            return JipTypes.JSON.booleanNode(subscriptions.unsubscribe(id.asText(), s));
        });
    }

    /**
     * Handles one text message: a request, a notification (no id: no response) or a batch.
     *
     * @return the response text, or null when nothing is to be sent
     */
    String handle(String text, RpcSession session) {
        JsonNode req;
        try {
            req = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return write(error(NullNode.instance, RpcError.PARSE_ERROR, "not JSON: " + e.getOriginalMessage()));
        }
        if (req == null) {
            return write(error(NullNode.instance, RpcError.PARSE_ERROR, "empty message"));
        }
        if (req.isArray()) {
            if (req.isEmpty()) {
                return write(error(NullNode.instance, RpcError.INVALID_REQUEST, "empty batch"));
            }
            ArrayNode out = JipTypes.JSON.arrayNode();
            for (JsonNode r : req) {
                JsonNode resp = one(r, session);
                if (resp != null) {
                    out.add(resp);
                }
            }
            return out.isEmpty() ? null : write(out);
        }
        JsonNode resp = one(req, session);
        return resp == null ? null : write(resp);
    }

    private JsonNode one(JsonNode req, RpcSession session) {
        if (!req.isObject()) {
            return error(NullNode.instance, RpcError.INVALID_REQUEST, "a request must be a JSON object");
        }
        JsonNode id = req.get("id");
        boolean notification = id == null;
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return error(NullNode.instance, RpcError.INVALID_REQUEST, "id must be a string, a number or null");
        }
        JsonNode idOut = id == null ? NullNode.instance : id;
        if (!"2.0".equals(req.path("jsonrpc").asText(null))) {
            return error(idOut, RpcError.INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        }
        JsonNode m = req.get("method");
        if (m == null || !m.isTextual()) {
            return error(idOut, RpcError.INVALID_REQUEST, "method must be a string");
        }
        Method method = methods.get(m.textValue());
        LOG.debug("RPC request {} (id {})", m.textValue(), idOut);
        if (method == null) {
            return notification ? null : error(idOut, RpcError.METHOD_NOT_FOUND, "no such method: " + m.textValue());
        }
        JsonNode result;
        try {
            JsonNode params = req.get("params");
            if (params != null && !params.isArray() && !params.isNull()) {
                throw RpcError.invalidParams(m.textValue() + ": params must be an array (JIP-2 passes arguments as an array)");
            }
            result = method.call(params == null || params.isNull() ? JipTypes.JSON.arrayNode() : (ArrayNode) params, session);
        } catch (RpcError e) {
            return notification ? null : error(idOut, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("RPC {} failed", m.textValue(), e);
            return notification ? null : error(idOut, RpcError.INTERNAL_ERROR, m.textValue() + " failed: " + e);
        }
        if (notification) {
            return null;
        }
        ObjectNode out = JipTypes.JSON.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", idOut);
        out.set("result", result);
        return out;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode err = JipTypes.JSON.objectNode();
        err.put("code", code);
        err.put("message", message);
        ObjectNode out = JipTypes.JSON.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id);
        out.set("error", err);
        return out;
    }

    private String write(JsonNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RpcError noChain() {
        return new RpcError(RpcError.NOT_AVAILABLE, "the node holds no chain yet");
    }

    private static JsonNode orNull(Optional<JsonNode> v) {
        return v.orElse(NullNode.instance);
    }

    /** A blob of a known state, or null (state unknown, or no value). */
    private static JsonNode blob(Optional<byte[]> v) {
        return v.map(JipTypes::encode).orElse(NullNode.instance);
    }

    private static JsonNode numbers(List<Long> xs) {
        ArrayNode a = JipTypes.JSON.arrayNode();
        for (long x : xs) {
            a.add(x);
        }
        return a;
    }
}
