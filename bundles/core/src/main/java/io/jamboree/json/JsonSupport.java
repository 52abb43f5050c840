package io.jamboree.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.core.Hex;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.BandersnatchRingCommitment;
import io.jamboree.types.BandersnatchRingVrfSignature;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.Blob;
import io.jamboree.types.BlsPublic;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorMetadata;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Primitive JSON conventions of the test vectors: {@code 0x}-hex strings for octet sequences, plain JSON numbers
 * for integers (u64 beyond {@code Long.MAX_VALUE} as big integers), {@code null} for absent optionals.
 * Malformed input throws {@link JsonMappingException}.
 */
public final class JsonSupport {
    /** The node factory used for all output. */
    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private JsonSupport() {}

    public static ObjectNode object() {
        return F.objectNode();
    }

    public static ArrayNode array() {
        return F.arrayNode();
    }

    /** The field {@code name} of object {@code n}; fails if missing. */
    public static JsonNode field(JsonNode n, String name) {
        if (n == null || !n.isObject()) {
            throw new JsonMappingException("expected an object with field '" + name + "', got " + kind(n));
        }
        JsonNode v = n.get(name);
        if (v == null) {
            throw new JsonMappingException("missing field '" + name + "'");
        }
        return v;
    }

    private static String kind(JsonNode n) {
        return n == null ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    public static byte[] bytes(JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw new JsonMappingException("expected a hex string, got " + kind(n));
        }
        try {
            return Hex.decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw new JsonMappingException(e.getMessage());
        }
    }

    public static byte[] bytes(JsonNode n, String field) {
        return bytes(field(n, field));
    }

    public static Blob blob(JsonNode n, String f) {
        return new Blob(bytes(n, f));
    }

    private static <T> T sized(byte[] b, Function<byte[], T> ctor) {
        try {
            return ctor.apply(b);
        } catch (IllegalArgumentException e) {
            throw new JsonMappingException(e.getMessage());
        }
    }

    public static Hash hash(JsonNode n) {
        return sized(bytes(n), Hash::new);
    }

    public static Hash hash(JsonNode n, String f) {
        return hash(field(n, f));
    }

    public static Ed25519Public ed25519(JsonNode n) {
        return sized(bytes(n), Ed25519Public::new);
    }

    public static Ed25519Public ed25519(JsonNode n, String f) {
        return ed25519(field(n, f));
    }

    public static Ed25519Signature ed25519Sig(JsonNode n, String f) {
        return sized(bytes(n, f), Ed25519Signature::new);
    }

    public static BandersnatchPublic bandersnatch(JsonNode n) {
        return sized(bytes(n), BandersnatchPublic::new);
    }

    public static BandersnatchPublic bandersnatch(JsonNode n, String f) {
        return bandersnatch(field(n, f));
    }

    public static BandersnatchVrfSignature vrfSig(JsonNode n, String f) {
        return sized(bytes(n, f), BandersnatchVrfSignature::new);
    }

    public static BandersnatchRingVrfSignature ringVrfSig(JsonNode n, String f) {
        return sized(bytes(n, f), BandersnatchRingVrfSignature::new);
    }

    public static BandersnatchRingCommitment ringCommitment(JsonNode n, String f) {
        return sized(bytes(n, f), BandersnatchRingCommitment::new);
    }

    public static BlsPublic bls(JsonNode n, String f) {
        return sized(bytes(n, f), BlsPublic::new);
    }

    public static ValidatorMetadata metadata(JsonNode n, String f) {
        return sized(bytes(n, f), ValidatorMetadata::new);
    }

    /** An unsigned 64-bit number as the bits of a long. */
    public static long u64(JsonNode n) {
        if (n == null || !n.isIntegralNumber()) {
            throw new JsonMappingException("expected an integer, got " + kind(n));
        }
        if (n.canConvertToLong()) {
            long v = n.longValue();
            if (v < 0) {
                throw new JsonMappingException("negative integer " + v);
            }
            return v;
        }
        BigInteger b = n.bigIntegerValue();
        if (b.signum() < 0 || b.compareTo(U64_LIMIT) >= 0) {
            throw new JsonMappingException("integer out of u64 range: " + b);
        }
        return b.longValue();
    }

    public static long u64(JsonNode n, String f) {
        return u64(field(n, f));
    }

    public static long u32(JsonNode n) {
        long v = u64(n);
        if ((v & ~0xFFFF_FFFFL) != 0) {
            throw new JsonMappingException("integer out of u32 range: " + Long.toUnsignedString(v));
        }
        return v;
    }

    public static long u32(JsonNode n, String f) {
        return u32(field(n, f));
    }

    public static int u16(JsonNode n, String f) {
        long v = u64(field(n, f));
        if ((v & ~0xFFFFL) != 0) {
            throw new JsonMappingException("integer out of u16 range for '" + f + "': " + Long.toUnsignedString(v));
        }
        return (int) v;
    }

    public static int u8(JsonNode n, String f) {
        long v = u64(field(n, f));
        if ((v & ~0xFFL) != 0) {
            throw new JsonMappingException("integer out of u8 range for '" + f + "': " + Long.toUnsignedString(v));
        }
        return (int) v;
    }

    public static boolean bool(JsonNode n, String f) {
        JsonNode v = field(n, f);
        if (!v.isBoolean()) {
            throw new JsonMappingException("expected a boolean for '" + f + "'");
        }
        return v.booleanValue();
    }

    /** Maps a JSON array; {@code null} elements are passed to {@code fn} as {@code null} nodes. */
    public static <T> List<T> list(JsonNode n, Function<JsonNode, T> fn) {
        if (n == null || !n.isArray()) {
            throw new JsonMappingException("expected an array, got " + kind(n));
        }
        ArrayList<T> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            out.add(fn.apply(e));
        }
        return Collections.unmodifiableList(out);
    }

    public static <T> List<T> list(JsonNode n, String f, Function<JsonNode, T> fn) {
        return list(field(n, f), fn);
    }

    /** Writes an unsigned 64-bit value. */
    public static JsonNode num(long v) {
        if (v >= 0) {
            return v <= Integer.MAX_VALUE ? F.numberNode((int) v) : F.numberNode(v);
        }
        return F.numberNode(new BigInteger(Long.toUnsignedString(v)));
    }

    public static JsonNode hex(byte[] b) {
        return F.textNode(Hex.encode(b));
    }

    public static <T> ArrayNode array(List<T> items, Function<T, JsonNode> fn) {
        ArrayNode a = F.arrayNode(items.size());
        for (T t : items) {
            a.add(t == null ? F.nullNode() : fn.apply(t));
        }
        return a;
    }
}
