package io.jamboree.guarantor.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JSON-RPC 2.0 client of a node's JIP-2 WebSocket endpoint: one request at a time, waiting for its answer.
 * Hashes and blobs travel as base64, as JIP-2 has them.
 */
final class RpcClient implements AutoCloseable {
    /** The node answered a request with an error. */
    static final class RpcException extends Exception {
        private static final long serialVersionUID = 1L;

        RpcException(String message) {
            super(message);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final String url;
    private WebSocket ws;
    private final long timeoutS;
    private int nextId = 1;

    RpcClient(String url, long timeoutS) throws Exception {
        this.timeoutS = timeoutS;
        this.url = url;
        this.ws = connect();
    }

    private WebSocket connect() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutS)).build();
        return http.newWebSocketBuilder().buildAsync(URI.create(url), new Collector(messages))
                .get(timeoutS, TimeUnit.SECONDS);
    }

    /** Calls {@code method} with {@code params} (numbers, strings, byte arrays as base64, nested arrays). */
    JsonNode call(String method, Object... params) throws Exception {
        int id = nextId++;
        ObjectNode req = mapper.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", id);
        req.put("method", method);
        ArrayNode ps = req.putArray("params");
        for (Object p : params) {
            add(ps, p);
        }
        String text = mapper.writeValueAsString(req);
        if (ws.isOutputClosed() || ws.isInputClosed()) {
            ws.abort();
            ws = connect(); // the node closed the connection: open a new one
        }
        ws.sendText(text, true).get(timeoutS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (true) {
            String m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new RpcException("no answer to " + method + " within " + timeoutS + " s");
            }
            JsonNode msg = mapper.readTree(m);
            if (msg.path("id").asInt(-1) != id) {
                continue;
            }
            if (msg.has("error")) {
                throw new RpcException(method + ": error " + msg.get("error").path("code").asInt() + ": "
                        + msg.get("error").path("message").asText());
            }
            return msg.get("result");
        }
    }

    private static void add(ArrayNode a, Object p) {
        switch (p) {
            case byte[] b -> a.add(Base64.getEncoder().encodeToString(b));
            case Integer i -> a.add(i);
            case Long l -> a.add(l);
            case String s -> a.add(s);
            case Object[] xs -> {
                ArrayNode inner = a.addArray();
                for (Object x : xs) {
                    add(inner, x);
                }
            }
            default -> throw new IllegalArgumentException("unsupported parameter " + p);
        }
    }

    /** A base64 blob of a result, or null for JSON null. */
    static byte[] blob(JsonNode n) {
        return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
    }

    @Override
    public void close() {
        ws.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> out;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<String> out) {
            this.out = out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                out.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
