package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A JSON-RPC client over a real WebSocket (the JDK's), for tests: responses and notifications kept apart. */
final class WsClient implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private final WebSocket ws;
    private final LinkedBlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** What arrived, in order: "response" or "notification ID". */
    final java.util.List<String> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();

    WsClient(String url) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    try {
                        JsonNode n = MAPPER.readTree(part.toString());
                        boolean note = n.has("method") && !n.has("id");
                        arrivals.add(note ? "notification " + n.path("params").path("subscription").asText() : "response");
                        (note ? notifications : responses).add(n);
                    } catch (Exception e) {
                        responses.add(MAPPER.getNodeFactory().textNode("unparsable: " + part));
                    }
                    part.setLength(0);
                }
                w.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** Sends raw text and returns the next response. */
    JsonNode raw(String text) throws Exception {
        ws.sendText(text, true).get(10, TimeUnit.SECONDS);
        JsonNode r = responses.poll(20, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no response to " + text);
        }
        return r;
    }

    /** The whole response object of a call. */
    JsonNode response(String method, Object... args) throws Exception {
        ObjectNode req = MAPPER.createObjectNode();
        req.put("jsonrpc", "2.0");
        int id = ids.incrementAndGet();
        req.put("id", id);
        req.put("method", method);
        ArrayNode a = req.putArray("params");
        for (Object x : args) {
            a.add(MAPPER.valueToTree(x));
        }
        JsonNode r = raw(MAPPER.writeValueAsString(req));
        if (r.path("id").asInt() != id) {
            throw new AssertionError("response id " + r.path("id") + ", expected " + id + ": " + r);
        }
        return r;
    }

    /** The result of a call; fails on an error response. */
    JsonNode call(String method, Object... args) throws Exception {
        JsonNode r = response(method, args);
        if (r.has("error") || !r.has("result")) {
            throw new AssertionError(method + " failed: " + r);
        }
        return r.get("result");
    }

    /** The next notification of subscription {@code id}, within 20 s. */
    JsonNode notification(String id) throws Exception {
        JsonNode n = notification(id, 20_000);
        if (n == null) {
            throw new AssertionError("no notification of subscription " + id);
        }
        return n;
    }

    /** The next notification of subscription {@code id} within {@code millis}, else null. */
    JsonNode notification(String id, long millis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            JsonNode n = notifications.poll(200, TimeUnit.MILLISECONDS);
            if (n != null && n.path("params").path("subscription").asText().equals(id)) {
                return n;
            }
            if (n != null) {
                notifications.add(n);
                Thread.sleep(5);
            }
        }
        return null;
    }

    @Override
    public void close() {
        ws.abort();
    }
}
