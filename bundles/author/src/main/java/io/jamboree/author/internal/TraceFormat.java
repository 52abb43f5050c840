package io.jamboree.author.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.TraceStep;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.json.BlockJson;
import io.jamboree.json.JsonSupport;
import io.jamboree.types.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the block-import trace files of the public vectors ({@code traces/schema.asn}): {@code Genesis} and
 * {@code TraceStep} (the importer's exported records and binary codec, GP Appendix C) and their JSON (the vectors'
 * conventions); reads a binary genesis.
 */
public final class TraceFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceFormat() {}

    /**
     * Reads a binary genesis file ({@code E(header, state)}, the importer's {@link Genesis} codec).
     *
     * @throws IOException if the file cannot be read or is not a genesis of this chain
     */
    public static Genesis readGenesis(Path file, ChainParams p) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return Genesis.decode(bytes, p);
        } catch (CodecException | IllegalArgumentException e) {
            throw new IOException("not a genesis file (" + p.name() + " chain): " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode json(RawState s) {
        ObjectNode o = JsonSupport.object();
        o.set("state_root", JsonSupport.hex(s.stateRoot().bytes()));
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
        Files.write(dir.resolve("genesis.bin"), g.encode(p));
        ObjectNode o = JsonSupport.object();
        o.set("header", BlockJson.toJson(g.header(), p));
        o.set("state", json(g.state()));
        writeJson(dir.resolve("genesis.json"), o);
    }

    /** Writes the step {@code DIR/NAME.bin} and {@code DIR/NAME.json}. */
    public static void writeStep(Path dir, String name, RawState pre, Block block, RawState post, ChainParams p)
            throws IOException {
        Files.write(dir.resolve(name + ".bin"), new TraceStep(pre, block, post).encode(p));
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
