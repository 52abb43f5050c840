package io.jamboree.rpc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jamboree.types.Hash;
import java.util.Base64;

/**
 * The JIP-2 argument and result types: {@code Hash} and {@code Blob} as padded base64 (RFC 4648) strings, {@code Slot},
 * {@code ServiceId} and {@code u32} as numbers in 0..2^32-1, arguments passed as a JSON array.
 */
final class JipTypes {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private JipTypes() {}

    /** The arguments array of a request ({@code params} absent or null = no arguments). */
    static ArrayNode args(JsonNode params, String method, int min, int max) {
        ArrayNode a;
        if (params == null || params.isNull()) {
            a = JSON.arrayNode();
        } else if (params.isArray()) {
            a = (ArrayNode) params;
        } else {
            throw RpcError.invalidParams(method + ": params must be an array (JIP-2 passes arguments as an array)");
        }
        if (a.size() < min || a.size() > max) {
            throw RpcError.invalidParams(method + " takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " argument" + (max == 1 ? "" : "s") + ", got " + a.size());
        }
        return a;
    }

    static Hash hash(ArrayNode args, int i, String what) {
        byte[] b = blob(args, i, what);
        if (b.length != Hash.SIZE) {
            throw RpcError.invalidParams(what + " must be 32 bytes (base64), got " + b.length);
        }
        return new Hash(b);
    }

    static byte[] blob(ArrayNode args, int i, String what) {
        JsonNode n = args.get(i);
        if (n == null || !n.isTextual()) {
            throw RpcError.invalidParams(what + " (argument " + (i + 1) + ") must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParams(what + " (argument " + (i + 1) + ") is not padded base64: " + e.getMessage());
        }
    }

    static long u32(ArrayNode args, int i, String what) {
        JsonNode n = args.get(i);
        if (n == null || !n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > U32_MAX || !n.canConvertToLong()) {
            throw RpcError.invalidParams(what + " (argument " + (i + 1) + ") must be an integer in 0..2^32-1");
        }
        return n.asLong();
    }

    static boolean bool(ArrayNode args, int i, String what) {
        JsonNode n = args.get(i);
        if (n == null || !n.isBoolean()) {
            throw RpcError.invalidParams(what + " (argument " + (i + 1) + ") must be true or false");
        }
        return n.booleanValue();
    }

    static JsonNode encode(Hash h) {
        return JSON.textNode(Base64.getEncoder().encodeToString(h.bytes()));
    }

    static JsonNode encode(byte[] blob) {
        return blob == null ? JSON.nullNode() : JSON.textNode(Base64.getEncoder().encodeToString(blob));
    }
}
