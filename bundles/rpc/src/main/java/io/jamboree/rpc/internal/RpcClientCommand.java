package io.jamboree.rpc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.runtime.spi.JamCommand;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam rpc METHOD [ARG...] [--url ws://HOST:PORT] [--count N] [--timeout SECONDS]}: calls one JIP-2 method of a
 * node and prints its result as JSON on one line (hashes and blobs stay base64). Each ARG is JSON (a number, true,
 * false, null, a quoted string, an array) or else a string; {@code 0x...} hex is sent as base64, the JIP's encoding.
 * For a {@code subscribe...} method it prints the result of each of the first N notifications (default 1), one per
 * line. Exit code 0 ok, 1 the node answered with an error (printed on standard error), 2 bad arguments or no node.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=rpc")
public final class RpcClientCommand implements JamCommand {
    static final String DEFAULT_URL = "ws://127.0.0.1:19800/";

    @Override
    public String name() {
        return "rpc";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        ObjectMapper mapper = new ObjectMapper();
        String url = DEFAULT_URL;
        int count = 1;
        long timeout = 30;
        String method = null;
        ArrayNode params = mapper.createArrayNode();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean option = a.equals("--url") || a.equals("--count") || a.equals("--timeout");
            if (option && i + 1 >= args.size()) {
                err.println("jam rpc: " + a + " needs a value");
                return 2;
            }
            try {
                switch (a) {
                    case "--url" -> url = args.get(++i);
                    case "--count" -> count = Integer.parseInt(args.get(++i));
                    case "--timeout" -> timeout = Long.parseLong(args.get(++i));
                    default -> {
                        if (method == null) {
                            method = a;
                        } else {
                            params.add(argument(mapper, a));
                        }
                    }
                }
            } catch (NumberFormatException e) {
                err.println("jam rpc: " + a + " needs a number, not '" + args.get(i) + "'");
                return 2;
            }
        }
        if (method == null) {
            err.println("jam rpc: give a method, e.g. jam rpc bestBlock");
            return 2;
        }
        boolean subscription = method.startsWith("subscribe");
        ObjectNode req = mapper.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", 1);
        req.put("method", method);
        req.set("params", params);

        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeout)).build();
        WebSocket ws;
        try {
            ws = http.newWebSocketBuilder().buildAsync(URI.create(url), new Collector(messages))
                    .get(timeout, TimeUnit.SECONDS);
        } catch (IllegalArgumentException | ExecutionException | TimeoutException e) {
            err.println("jam rpc: cannot connect to " + url + ": " + (e.getCause() != null ? e.getCause() : e));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        try {
            ws.sendText(mapper.writeValueAsString(req), true).get(timeout, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            int notified = 0;
            boolean answered = false;
            while (!answered || subscription && notified < count) {
                String m = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    err.println("jam rpc: no " + (answered ? "notification" : "answer") + " from " + url + " within "
                            + timeout + " s");
                    return 2;
                }
                JsonNode msg = mapper.readTree(m);
                if (msg.has("id") && msg.get("id").asInt(-1) == 1) {
                    answered = true;
                    if (msg.has("error")) {
                        err.println("jam rpc: " + method + ": error " + msg.get("error").path("code").asInt() + ": "
                                + msg.get("error").path("message").asText());
                        return 1;
                    }
                    if (!subscription) {
                        out.println(mapper.writeValueAsString(msg.get("result")));
                    }
                } else if (subscription && msg.path("params").has("result")) {
                    out.println(mapper.writeValueAsString(msg.get("params").get("result")));
                    out.flush();
                    notified++;
                }
            }
            return 0;
        } catch (JsonProcessingException e) {
            err.println("jam rpc: the node sent something that is not JSON: " + e.getOriginalMessage());
            return 2;
        } catch (ExecutionException | TimeoutException e) {
            err.println("jam rpc: sending to " + url + " failed: " + e);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            ws.abort();
        }
    }

    /** One argument: JSON if it parses as JSON, hex {@code 0x...} as base64, else the string itself. */
    static JsonNode argument(ObjectMapper mapper, String a) {
        if (a.matches("0x([0-9a-fA-F]{2})*")) {
            return mapper.getNodeFactory().textNode(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.substring(2))));
        }
        try {
            JsonNode n = mapper.readTree(a);
            if (n != null && !n.isMissingNode()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a plain string (e.g. a base64 hash)
        }
        return mapper.getNodeFactory().textNode(a);
    }

    /** Collects whole text messages. */
    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> messages;
        private final List<CharSequence> parts = new ArrayList<>();

        Collector(LinkedBlockingQueue<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                messages.add(String.join("", parts));
                parts.clear();
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
