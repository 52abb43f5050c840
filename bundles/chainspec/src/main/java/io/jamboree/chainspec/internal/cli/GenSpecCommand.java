package io.jamboree.chainspec.internal.cli;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.ChainSpecException;
import io.jamboree.chainspec.internal.ChainSpecJson;
import io.jamboree.chainspec.internal.DevGenesis;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.merkle.StateKey;
import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.ValidatorKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam gen-spec}: writes a JIP-4 chain spec. Arguments:
 * {@code --chain tiny|full [--validators N] [--id ID] [--bootnode NAME@IP:PORT]... [--genesis-author-index I]
 * [--genesis genesis.bin] [-o FILE]}.
 * Without {@code --genesis} the spec holds the dev genesis ({@link DevGenesis}) of the first N dev validators
 * (default V); with it, the header and state of a trace genesis file. Output goes to FILE, else standard output;
 * progress and the genesis hash to standard error.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=gen-spec")
public final class GenSpecCommand implements JamCommand {
    static final int BAD_INPUT = 2;

    @Override
    public String name() {
        return "gen-spec";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String chain = "tiny";
        Integer validators = null;
        String id = null;
        Path output = null;
        Path genesis = null;
        List<String> bootnodes = new ArrayList<>();
        int authorIndex = DevGenesis.AUTHOR_INDEX;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                err.println("jam gen-spec: " + a + (a.startsWith("-") ? " needs a value" : ": unexpected argument"));
                return BAD_INPUT;
            }
            String v = args.get(++i);
            switch (a) {
                case "--chain" -> chain = v;
                case "--validators" -> {
                    try {
                        validators = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        err.println("jam gen-spec: --validators takes a number, got '" + v + "'");
                        return BAD_INPUT;
                    }
                }
                case "--id" -> id = v;
                case "--genesis-author-index" -> {
                    try {
                        authorIndex = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        authorIndex = -1;
                    }
                    if (authorIndex < 0 || authorIndex > 0xffff) {
                        err.println("jam gen-spec: --genesis-author-index is 0..65535, got '" + v + "'");
                        return BAD_INPUT;
                    }
                }
                case "--bootnode" -> bootnodes.add(v);
                case "-o", "--output" -> output = Path.of(v);
                case "--genesis" -> genesis = Path.of(v);
                default -> {
                    err.println("jam gen-spec: unknown option " + a);
                    return BAD_INPUT;
                }
            }
        }
        Optional<ChainParams> params = ChainParams.byName(chain);
        if (params.isEmpty()) {
            err.println("jam gen-spec: --chain is tiny or full, got '" + chain + "'");
            return BAD_INPUT;
        }
        ChainParams p = params.get();
        int n = validators == null ? p.validatorsCount() : validators;
        if (n < 1 || n > p.validatorsCount()) {
            err.println("jam gen-spec: --validators must be 1.." + p.validatorsCount() + " for the " + p.name()
                    + " chain, got " + n);
            return BAD_INPUT;
        }
        try {
            ChainSpec spec;
            if (genesis != null) {
                if (validators != null) {
                    err.println("jam gen-spec: --validators and --genesis exclude each other (the genesis file names its validators)");
                    return BAD_INPUT;
                }
                spec = fromTraceGenesis(genesis, p);
            } else {
                long t0 = System.nanoTime();
                boolean chatty = n > 50;
                int step = Math.max(1, n / 10);
                List<ValidatorKey> keys = DevGenesis.validators(p, n, k -> {
                    if (chatty && (k % step == 0 || k == n)) {
                        err.printf("jam gen-spec: %d of %d dev validator keys derived%n", k, n);
                    }
                });
                if (chatty) {
                    err.println("jam gen-spec: computing the ring root over " + keys.size() + " keys");
                }
                Header header = DevGenesis.header(p, keys, authorIndex);
                ChainState state = DevGenesis.withSampleService(p, DevGenesis.state(p, keys, header.hash(p),
                        DevGenesis.ringRoot(keys), DevGenesis.ZERO_ENTROPY));
                spec = new ChainSpec(DevGenesis.ID_PREFIX + p.name(), List.of(), p, header, StateCodec.encodeList(state, p));
                if (chatty) {
                    err.printf("jam gen-spec: genesis state built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                }
            }
            spec = new ChainSpec(id != null ? id : spec.id(), bootnodes, spec.params(), spec.genesisHeader(),
                    spec.genesisState());
            String json = ChainSpecJson.write(spec);
            ChainSpecJson.parse(json, "generated spec"); // checks the bootnodes and that the output reads back
            if (output == null) {
                out.print(json);
                out.flush();
            } else {
                Files.writeString(output, json, StandardCharsets.UTF_8);
                err.println("jam gen-spec: wrote " + output.toAbsolutePath().normalize());
            }
            err.println("jam gen-spec: " + spec.id() + ", " + p.name() + " parameters, genesis header hash "
                    + spec.genesisHash().hex() + ", state root " + spec.genesisStateRoot().hex());
            return 0;
        } catch (ChainSpecException e) {
            err.println("jam gen-spec: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("jam gen-spec: cannot write " + output + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /**
     * The spec of a trace's {@code genesis.bin} (trace schema {@code Genesis ::= {header, state}}, the state
     * {@code {state_root, keyvals}}), its root checked against the key-values.
     */
    static ChainSpec fromTraceGenesis(Path file, ChainParams p) throws IOException {
        if (!file.getFileName().toString().endsWith(".bin")) {
            throw new ChainSpecException(file + ": --genesis takes a trace genesis .bin file");
        }
        byte[] bytes = Files.readAllBytes(file);
        Decoder d = new Decoder(bytes);
        try {
            Header header = Header.decode(d, p);
            Hash root = Hash.decode(d);
            long count = d.natural();
            Map<StateKey, KeyValue> kvs = new TreeMap<>();
            for (long i = 0; i < count; i++) {
                StateKey k = StateKey.ofBytes(d.bytes(StateKey.LENGTH, "state key"));
                kvs.put(k, new KeyValue(k, d.blob("state value")));
            }
            d.expectEnd();
            List<KeyValue> state = new ArrayList<>(kvs.values());
            Hash actual = StateCodec.root(StateCodec.toMap(state));
            if (!actual.equals(root)) {
                throw new ChainSpecException(file + ": its state root " + root.hex() + " is not the root of its key-values "
                        + actual.hex());
            }
            String name = file.toAbsolutePath().getParent().getFileName().toString();
            return new ChainSpec(name, List.of(), p, header, state);
        } catch (CodecException | IllegalArgumentException e) {
            throw new ChainSpecException(file + ": not a trace genesis of the " + p.name() + " chain: " + e.getMessage()
                    + " (at octet " + d.position() + " of " + bytes.length + ")", e);
        }
    }
}
