package io.jamboree.importer.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.KeyValue;
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
 * Reads the block-import trace files ({@code traces/schema.asn}): {@code TraceStep} and {@code Genesis},
 * either in the binary codec of GP Appendix C ({@code .bin}) or in the vectors' JSON ({@code .json}).
 */
final class TraceReader {
    private final ChainParams params;
    private final ObjectMapper mapper = new ObjectMapper();

    TraceReader(ChainParams params) {
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
            JsonNode n = json(file);
            try {
                return new TraceStep(rawState(JsonSupport.field(n, "pre_state")),
                        BlockJson.block(JsonSupport.field(n, "block"), params),
                        rawState(JsonSupport.field(n, "post_state")));
            } catch (JsonMappingException | IllegalArgumentException e) {
                throw new TraceFormatException(file, "not a TraceStep: " + e.getMessage(), e);
            }
        }
        byte[] bytes = bytes(file);
        Decoder d = new Decoder(bytes);
        try {
            RawState pre = rawState(d);
            Block block = Block.decode(d, params);
            RawState post = rawState(d);
            d.expectEnd();
            return new TraceStep(pre, block, post);
        } catch (CodecException | IllegalArgumentException e) {
            throw new TraceFormatException(file, "not a TraceStep (" + params.name() + " chain): " + e.getMessage()
                    + " (decoder at offset " + d.position() + " of " + bytes.length + ")", e);
        }
    }

    Genesis genesis(Path file) throws TraceFormatException {
        if (isJson(file)) {
            JsonNode n = json(file);
            try {
                return new Genesis(BlockJson.header(JsonSupport.field(n, "header"), params),
                        rawState(JsonSupport.field(n, "state")));
            } catch (JsonMappingException | IllegalArgumentException e) {
                throw new TraceFormatException(file, "not a Genesis: " + e.getMessage(), e);
            }
        }
        byte[] bytes = bytes(file);
        Decoder d = new Decoder(bytes);
        try {
            Header header = Header.decode(d, params);
            RawState state = rawState(d);
            d.expectEnd();
            return new Genesis(header, state);
        } catch (CodecException | IllegalArgumentException e) {
            throw new TraceFormatException(file, "not a Genesis (" + params.name() + " chain): " + e.getMessage()
                    + " (decoder at offset " + d.position() + " of " + bytes.length + ")", e);
        }
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

    private JsonNode json(Path file) throws TraceFormatException {
        byte[] bytes = bytes(file);
        try {
            return mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new TraceFormatException(file, "invalid JSON at offset " + offset + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TraceFormatException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** {@code RawState ::= SEQUENCE { state-root, keyvals SEQUENCE OF { key (31 octets), value } }}. */
    private static RawState rawState(Decoder d) {
        Hash root = Hash.decode(d);
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> kvs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StateKey key = StateKey.ofBytes(d.bytes(StateKey.LENGTH, "state key"));
            kvs.add(new KeyValue(key, d.blob("state value")));
        }
        return new RawState(root, kvs);
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
