package io.jamboree.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal JSON-RPC client of one node's JIP-2 WebSocket endpoint (byte arrays go as base64, numbers as such). */
final class NodeRpc implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<String> in = new LinkedBlockingQueue<>();
    private final WebSocket ws;
    private int id;

    NodeRpc(String url) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    in.add(part.toString());
                    part.setLength(0);
                }
                w.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Calls {@code method}; its result, or an AssertionError with the node's error or on no answer in 30 s. */
    JsonNode call(String method, Object... params) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ++id).put("method", method);
        ArrayNode ps = req.putArray("params");
        for (Object p : params) {
            if (p instanceof byte[] b) {
                ps.add(Base64.getEncoder().encodeToString(b));
            } else {
                ps.add((Long) p);
            }
        }
        ws.sendText(JSON.writeValueAsString(req), true).get(30, TimeUnit.SECONDS);
        while (true) {
            String m = in.poll(30, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no answer to " + method);
            }
            JsonNode r = JSON.readTree(m);
            if (r.path("id").asInt() == id) {
                if (r.has("error")) {
                    throw new AssertionError(method + ": " + r.get("error"));
                }
                return r.get("result");
            }
        }
    }

    @Override
    public void close() {
        ws.abort();
    }
}
