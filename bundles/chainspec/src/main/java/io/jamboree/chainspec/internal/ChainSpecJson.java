package io.jamboree.chainspec.internal;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.ChainSpecException;
import io.jamboree.chainspec.ProtocolParameters;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JIP-4 chain spec file: a JSON object with {@code id} (string), {@code bootnodes} (optional list of
 * {@code <name>@<ip>:<port>}), {@code genesis_header} (hex of the serialized header), {@code genesis_state}
 * (object of 62-digit hex state keys to hex values) and {@code protocol_parameters} (hex,
 * {@link ProtocolParameters}). Hex is read with or without {@code 0x} and written without, as in JIP-4's example.
 * Other members are ignored. Every error names the source and the JSON path of the offending value
 * ({@code $.genesis_state.0100…}), a syntax error its line and column.
 */
public final class ChainSpecJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code <name>@<ip>:<port>}: the 53-character alternative name, an IPv4 or (bracketed) IPv6 address, a port. */
    private static final Pattern BOOTNODE = Pattern.compile(
            "(e[a-z2-7]{52})@(\\[[0-9A-Fa-f:.]+]|[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*):([0-9]{1,5})");

    private ChainSpecJson() {}

    /** Reads a chain spec file. */
    public static ChainSpec read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ChainSpecException(file + ": no such file");
        } catch (IOException e) {
            throw new ChainSpecException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses chain spec JSON; {@code source} names it in errors. */
    public static ChainSpec parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ChainSpecException(source + ": invalid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw error(source, "$", "the chain spec must be a JSON object");
        }
        String id = text(source, root, "id");
        List<String> bootnodes = new ArrayList<>();
        JsonNode bn = root.get("bootnodes");
        if (bn != null && !bn.isNull()) {
            if (!bn.isArray()) {
                throw error(source, "$.bootnodes", "must be a list of strings");
            }
            for (int i = 0; i < bn.size(); i++) {
                String path = "$.bootnodes[" + i + "]";
                JsonNode n = bn.get(i);
                if (!n.isTextual()) {
                    throw error(source, path, "must be a string <name>@<ip>:<port>");
                }
                checkBootnode(source, path, n.asText());
                bootnodes.add(n.asText());
            }
        }
        byte[] paramBytes = hex(source, "$.protocol_parameters", root.get("protocol_parameters"));
        ChainParams params;
        try {
            params = ProtocolParameters.decode(paramBytes, id);
        } catch (ChainSpecException e) {
            throw error(source, "$.protocol_parameters", e.getMessage());
        }
        byte[] headerBytes = hex(source, "$.genesis_header", root.get("genesis_header"));
        Header header;
        Decoder d = new Decoder(headerBytes);
        try {
            header = Header.decode(d, params);
            d.expectEnd();
        } catch (CodecException | IllegalArgumentException e) {
            throw error(source, "$.genesis_header", "not a header of the " + params.name() + " parameters: "
                    + e.getMessage() + " (at octet " + d.position() + " of " + headerBytes.length + ")");
        }
        JsonNode st = root.get("genesis_state");
        if (st == null || !st.isObject()) {
            throw error(source, "$.genesis_state", st == null ? "missing" : "must be an object of state keys to values");
        }
        Map<StateKey, KeyValue> state = new TreeMap<>();
        for (Map.Entry<String, JsonNode> f : st.properties()) {
            String path = "$.genesis_state." + f.getKey();
            String k = strip0x(f.getKey());
            if (!k.matches("[0-9A-Fa-f]{62}")) {
                throw error(source, path, "a state key is 31 octets, 62 hex digits");
            }
            StateKey key = StateKey.ofBytes(Hex.decode(k));
            byte[] value = hex(source, path, f.getValue());
            if (state.put(key, new KeyValue(key, value)) != null) {
                throw error(source, path, "the state key appears twice");
            }
        }
        return new ChainSpec(id, bootnodes, params, header, new ArrayList<>(state.values()));
    }

    /** The JIP-4 JSON of a chain spec, members in JIP-4's order, state keys sorted. */
    public static String write(ChainSpec spec) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("{\n  \"id\": ").append(quote(spec.id())).append(",\n  \"bootnodes\": [");
        for (int i = 0; i < spec.bootnodes().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(spec.bootnodes().get(i)));
        }
        b.append("],\n  \"genesis_header\": \"").append(Hex.plain(spec.genesisHeaderBytes())).append("\",\n");
        b.append("  \"genesis_state\": {");
        List<KeyValue> kvs = new ArrayList<>(spec.genesisState());
        kvs.sort((x, y) -> x.key().compareTo(y.key()));
        for (int i = 0; i < kvs.size(); i++) {
            KeyValue kv = kvs.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    \"").append(Hex.plain(kv.key().bytes())).append("\": \"")
                    .append(Hex.plain(kv.value())).append('"');
        }
        b.append(kvs.isEmpty() ? "},\n" : "\n  },\n");
        b.append("  \"protocol_parameters\": \"").append(Hex.plain(spec.protocolParameters())).append("\"\n}\n");
        return b.toString();
    }

    static void checkBootnode(String source, String path, String s) {
        Matcher m = BOOTNODE.matcher(s);
        if (!m.matches()) {
            throw error(source, path, "'" + s + "' is not <name>@<ip>:<port> with <name> 'e' and 52 base-32 digits "
                    + "(a-z, 2-7) and an IPv4 or IPv6 address");
        }
        int port = Integer.parseInt(m.group(3));
        if (port > 65535) {
            throw error(source, path, "port " + port + " is above 65535");
        }
        if (m.group(2).indexOf('.') > 0 && m.group(2).indexOf(':') < 0) {
            for (String o : m.group(2).split("\\.")) {
                if (Integer.parseInt(o) > 255) {
                    throw error(source, path, "'" + m.group(2) + "' is not an IPv4 address");
                }
            }
        }
    }

    private static String text(String source, JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw error(source, "$." + name, n == null ? "missing" : "must be a non-empty string");
        }
        return n.asText();
    }

    private static byte[] hex(String source, String path, JsonNode n) {
        if (n == null) {
            throw error(source, path, "missing");
        }
        if (!n.isTextual()) {
            throw error(source, path, "must be a hex string");
        }
        String s = strip0x(n.asText());
        if ((s.length() & 1) != 0 || !s.matches("[0-9A-Fa-f]*")) {
            throw error(source, path, "not an even number of hex digits");
        }
        return Hex.decode(s);
    }

    private static String strip0x(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    }

    private static ChainSpecException error(String source, String path, String message) {
        return new ChainSpecException(source + ": " + path + ": " + message);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
