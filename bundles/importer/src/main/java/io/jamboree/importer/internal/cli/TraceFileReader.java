package io.jamboree.importer.internal.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.TraceFormatException;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonMappingException;
import io.jamboree.json.JsonSupport;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the block-import trace files of one chain ({@code traces/schema.asn}): {@code TraceStep} and
 * {@code Genesis}, either in the binary codec of GP Appendix C ({@code .bin}) or in the vectors' JSON
 * ({@code .json}); behind the {@link io.jamboree.importer.trace.TraceReader} service ({@link TraceReaderComponent}).
 */
final class TraceFileReader {
    private final ChainParams params;
    private final ObjectMapper mapper = new ObjectMapper();

    TraceFileReader(ChainParams params) {
        this.params = params;
    }

    /** Whether {@code file} is a genesis file ({@code genesis.bin} or {@code genesis.json}). */
    static boolean isGenesis(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.equals("genesis.bin") || n.equals("genesis.json");
    }

    /** Whether {@code file} has a name this reader understands. */
    static boolean isTraceFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".bin") || n.endsWith(".json");
    }

    TraceStep step(Path file) throws TraceFormatException {
        if (isJson(file)) {
            byte[] bytes = bytes(file);
            TrackedJson nodes = new TrackedJson();
            JsonNode n = json(file, bytes, nodes);
            try {
                return new TraceStep(rawState(JsonSupport.field(n, "pre_state")),
                        BlockJson.block(JsonSupport.field(n, "block"), params),
                        rawState(JsonSupport.field(n, "post_state")));
            } catch (JsonMappingException | IllegalArgumentException e) {
                throw new TraceFormatException(file, "not a TraceStep: " + where(bytes, nodes) + e.getMessage(), e);
            }
        }
        byte[] bytes = bytes(file);
        Decoder d = new Decoder(bytes);
        try {
            RawState pre = RawState.decode(d);
            Block block = Block.decode(d, params);
            RawState post = RawState.decode(d);
            d.expectEnd();
            return new TraceStep(pre, block, post);
        } catch (CodecException | IllegalArgumentException e) {
            throw new TraceFormatException(file, "not a TraceStep (" + params.name() + " chain): " + e.getMessage()
                    + " (decoder at offset " + d.position() + " of " + bytes.length + ")", e);
        }
    }

    Genesis genesis(Path file) throws TraceFormatException {
        if (isJson(file)) {
            byte[] bytes = bytes(file);
            TrackedJson nodes = new TrackedJson();
            JsonNode n = json(file, bytes, nodes);
            if (n.isObject() && n.has("genesis_header")) {
                return chainSpecGenesis(file, n);
            }
            try {
                return new Genesis(BlockJson.header(JsonSupport.field(n, "header"), params),
                        rawState(JsonSupport.field(n, "state")));
            } catch (JsonMappingException | IllegalArgumentException e) {
                throw new TraceFormatException(file, "not a Genesis: " + where(bytes, nodes) + e.getMessage(), e);
            }
        }
        byte[] bytes = bytes(file);
        Decoder d = new Decoder(bytes);
        try {
            Header header = Header.decode(d, params);
            RawState state = RawState.decode(d);
            d.expectEnd();
            return new Genesis(header, state);
        } catch (CodecException | IllegalArgumentException e) {
            throw new TraceFormatException(file, "not a Genesis (" + params.name() + " chain): " + e.getMessage()
                    + " (decoder at offset " + d.position() + " of " + bytes.length + ")", e);
        }
    }

    /**
     * The genesis of a JIP-4 chain spec file: {@code genesis_header} (hex of the encoded header) and
     * {@code genesis_state} (62-digit hex keys to hex values); its {@code protocol_parameters} must name this
     * importer's V, C and E (GP B.5 layout: V the u16 at octet 92, C the u16 at 24, E the u32 at 30). The state
     * root is computed from the key-values. Errors name the JSON path.
     */
    Genesis chainSpecGenesis(Path file, JsonNode n) throws TraceFormatException {
        byte[] pp = specHex(file, n, "protocol_parameters");
        if (pp.length != 134) {
            throw new TraceFormatException(file, "$.protocol_parameters: 134 octets expected (GP 0.7.2 B.5), got " + pp.length, null);
        }
        int v = (pp[92] & 0xff) | (pp[93] & 0xff) << 8;
        int c = (pp[24] & 0xff) | (pp[25] & 0xff) << 8;
        long e = (pp[30] & 0xffL) | (pp[31] & 0xffL) << 8 | (pp[32] & 0xffL) << 16 | (pp[33] & 0xffL) << 24;
        if (v != params.validatorsCount() || c != params.coresCount() || e != params.epochLength()) {
            throw new TraceFormatException(file, "$.protocol_parameters: V=" + v + ", C=" + c + ", E=" + e
                    + " are not the " + params.name() + " chain's (V=" + params.validatorsCount() + ", C="
                    + params.coresCount() + ", E=" + params.epochLength() + ")", null);
        }
        byte[] hb = specHex(file, n, "genesis_header");
        Header header;
        Decoder d = new Decoder(hb);
        try {
            header = Header.decode(d, params);
            d.expectEnd();
        } catch (CodecException | IllegalArgumentException ex) {
            throw new TraceFormatException(file, "$.genesis_header: not a " + params.name() + " header: " + ex.getMessage()
                    + " (at octet " + d.position() + " of " + hb.length + ")", ex);
        }
        JsonNode st = n.get("genesis_state");
        if (st == null || !st.isObject()) {
            throw new TraceFormatException(file, "$.genesis_state: missing or not an object", null);
        }
        java.util.TreeMap<StateKey, byte[]> kv = new java.util.TreeMap<>();
        for (var f : st.properties()) {
            String path = "$.genesis_state." + f.getKey();
            String key = f.getKey().startsWith("0x") ? f.getKey().substring(2) : f.getKey();
            if (!key.matches("[0-9a-fA-F]{62}") || !f.getValue().isTextual()
                    || !f.getValue().asText().matches("(0x)?([0-9a-fA-F]{2})*")) {
                throw new TraceFormatException(file, path + ": expected a 62-digit hex key and a hex value", null);
            }
            kv.put(StateKey.ofBytes(io.jamboree.core.Hex.decode(key)), io.jamboree.core.Hex.decode(f.getValue().asText()));
        }
        List<KeyValue> kvs = io.jamboree.stf.state.StateCodec.toList(kv);
        return new Genesis(header, new RawState(io.jamboree.stf.state.StateCodec.root(kv), kvs));
    }

    private static byte[] specHex(Path file, JsonNode n, String name) throws TraceFormatException {
        JsonNode v = n.get(name);
        if (v == null || !v.isTextual() || !v.asText().matches("(0x)?([0-9a-fA-F]{2})*")) {
            throw new TraceFormatException(file, "$." + name + ": " + (v == null ? "missing" : "not a hex string"), null);
        }
        return io.jamboree.core.Hex.decode(v.asText());
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static byte[] bytes(Path file) throws TraceFormatException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(file, "no such file", e);
        } catch (IOException e) {
            throw new TraceFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses {@code bytes} into a tree of {@code nodes}; a syntax error names its JSON path, line and column. */
    private JsonNode json(Path file, byte[] bytes, TrackedJson nodes) throws TraceFormatException {
        try {
            JsonNode n = mapper.reader().with(nodes).readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new TraceFormatException(file, "invalid JSON: the file is empty", null);
            }
            TrackedJson.assignPaths(n, "");
            return n;
        } catch (JsonProcessingException e) {
            StringBuilder where = new StringBuilder("invalid JSON");
            if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
                String path = path(p.getParsingContext());
                if (!path.isEmpty()) {
                    where.append(" at ").append(path);
                }
            }
            JsonLocation loc = e.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                where.append(" (line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr()).append(')');
            }
            throw new TraceFormatException(file, where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TraceFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The parser's position as a path {@code a.b[3].c}. */
    private static String path(JsonStreamContext ctx) {
        StringBuilder sb = new StringBuilder();
        java.util.ArrayDeque<JsonStreamContext> chain = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return sb.toString();
    }

    /** {@code "at PATH (line L, column C): "} for the member read last, as far as it can be found. */
    private String where(byte[] bytes, TrackedJson nodes) {
        String path = nodes.lastPath();
        if (path.isEmpty()) {
            return "";
        }
        String location = null;
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            location = TrackedJson.location(p, path);
        } catch (IOException e) {
            // the tree parsed, so this does not happen; the path alone is reported
        }
        return "at " + path + (location == null ? "" : " (" + location + ")") + ": ";
    }

    private static RawState rawState(JsonNode n) {
        JsonNode kvs = JsonSupport.field(n, "keyvals");
        if (!kvs.isArray()) {
            throw new JsonMappingException("keyvals is not an array");
        }
        List<KeyValue> out = new ArrayList<>(kvs.size());
        for (JsonNode kv : kvs) {
            out.add(new KeyValue(StateKey.ofBytes(JsonSupport.bytes(kv, "key")), JsonSupport.bytes(kv, "value")));
        }
        return new RawState(JsonSupport.hash(n, "state_root"), out);
    }
}
