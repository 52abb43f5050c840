package io.jamboree.author.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The block-import trace files of the public vectors ({@code traces/schema.asn}): {@code Genesis ::= {header, state}}
 * and {@code TraceStep ::= {pre_state, block, post_state}} with {@code RawState ::= {state_root, keyvals}}, binary
 * (GP Appendix C codec) and JSON (the vectors' conventions).
 */
public final class TraceFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceFormat() {}

    /** A serialized state: its root and its key/values. */
    public record RawState(Hash root, List<KeyValue> keyvals) {
        public RawState {
            keyvals = List.copyOf(keyvals);
        }
    }

    /** A genesis: the header and the state it starts with. */
    public record Genesis(Header header, RawState state) {}

    /** Reads a genesis file ({@code .bin} or {@code .json}). */
    public static Genesis readGenesis(Path file, ChainParams p) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? genesisFromJson(MAPPER.readTree(bytes), p) : decodeGenesis(bytes, p);
        } catch (CodecException | IllegalArgumentException e) {
            throw new IOException("not a genesis file (" + p.name() + " chain): " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a binary genesis ({@code E(header, state)}). */
    public static Genesis decodeGenesis(byte[] bytes, ChainParams p) {
        Decoder d = new Decoder(bytes);
        Header h = Header.decode(d, p);
        RawState s = rawState(d);
        d.expectEnd();
        return new Genesis(h, s);
    }

    private static Genesis genesisFromJson(JsonNode n, ChainParams p) {
        JsonNode st = JsonSupport.field(n, "state");
        List<KeyValue> kvs = new ArrayList<>();
        for (JsonNode kv : JsonSupport.field(st, "keyvals")) {
            kvs.add(new KeyValue(StateKey.ofBytes(JsonSupport.bytes(kv, "key")), JsonSupport.bytes(kv, "value")));
        }
        return new Genesis(BlockJson.header(JsonSupport.field(n, "header"), p),
                new RawState(JsonSupport.hash(st, "state_root"), kvs));
    }

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

    private static void encode(Encoder e, RawState s) {
        s.root().encode(e);
        e.length(s.keyvals().size());
        for (KeyValue kv : s.keyvals()) {
            e.bytes(kv.key().bytes());
            e.blob(kv.value());
        }
    }

    private static ObjectNode json(RawState s) {
        ObjectNode o = JsonSupport.object();
        o.set("state_root", JsonSupport.hex(s.root().bytes()));
        ArrayNode a = JsonSupport.array();
        for (KeyValue kv : s.keyvals()) {
            ObjectNode x = JsonSupport.object();
            x.set("key", JsonSupport.hex(kv.key().bytes()));
            x.set("value", JsonSupport.hex(kv.value()));
            a.add(x);
        }
        o.set("keyvals", a);
        return o;
    }

    /** Writes {@code DIR/genesis.bin} and {@code DIR/genesis.json}. */
    public static void writeGenesis(Path dir, Genesis g, ChainParams p) throws IOException {
        Encoder e = new Encoder(1 << 16);
        g.header().encode(e, p);
        encode(e, g.state());
        Files.write(dir.resolve("genesis.bin"), e.toByteArray());
        ObjectNode o = JsonSupport.object();
        o.set("header", BlockJson.toJson(g.header(), p));
        o.set("state", json(g.state()));
        writeJson(dir.resolve("genesis.json"), o);
    }

    /** Writes the step {@code DIR/NAME.bin} and {@code DIR/NAME.json}. */
    public static void writeStep(Path dir, String name, RawState pre, Block block, RawState post, ChainParams p)
            throws IOException {
        Encoder e = new Encoder(1 << 16);
        encode(e, pre);
        block.encode(e, p);
        encode(e, post);
        Files.write(dir.resolve(name + ".bin"), e.toByteArray());
        ObjectNode o = JsonSupport.object();
        o.set("pre_state", json(pre));
        o.set("block", BlockJson.toJson(block, p));
        o.set("post_state", json(post));
        writeJson(dir.resolve(name + ".json"), o);
    }

    private static void writeJson(Path file, JsonNode n) throws IOException {
        Files.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
    }
}
