package io.jamboree.rpc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The web dashboard's static files, served from this bundle's {@code dashboard/} resources (no CDN). */
final class Dashboard {
    private Dashboard() {}

    /** The file for an HTTP path ({@code /} = index.html), or null. */
    static RpcWebSocketServer.Content content(String path) {
        String name = path.equals("/") || path.isEmpty() ? "index.html" : path.substring(1);
        if (!name.matches("[a-z0-9-]+\\.(html|js|css|svg)")) {
            return null;
        }
        try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                return null;
            }
            return new RpcWebSocketServer.Content(type(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "image/svg+xml";
    }
}
