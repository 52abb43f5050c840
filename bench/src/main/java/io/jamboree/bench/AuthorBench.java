package io.jamboree.bench;

import io.jamboree.accumulate.internal.PvmInvocationsComponent;
import io.jamboree.accumulate.Accumulation;
import io.jamboree.author.SlotOutcome;
import io.jamboree.author.internal.LocalKey;
import io.jamboree.author.internal.NodeAuthor;
import io.jamboree.author.internal.TicketGenerator;
import io.jamboree.author.internal.TraceFormat;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.internal.ChainSpecsComponent;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.crypto.RingVrf;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Safrole block authoring, with tiny or full parameters ({@code @Param chain}): tiny on the genesis of the public
 * traces (jam-test-vectors-0.7.2/traces/fallback/genesis.bin, found by {@link VectorsFolder}; JIP-5 dev validators
 * 0–5), full on the jam-docs dev genesis (the {@code ChainSpecs} service: V = 1023 JIP-5 dev validators):
 * <ul>
 *   <li>{@link #authorBlock}: one fallback-sealed block with an empty extrinsic: Safrole for the header marks, slot
 *       leadership, H_v and H_s (GP §6.4) and the import of the block ({@code BlockImporter.importBlock} on the
 *       in-memory store), milliseconds per block; the chain grows by one slot per operation;</li>
 *   <li>{@link #ticketsPerValidator}: what one epoch's ticket submission costs ONE validator: its N candidate
 *       ticket identifiers and the ring VRF proofs of all N (GP §6.7, eq. 6.29) over the next epoch's ring of V keys
 *       (N = 3, V = 6 tiny; N = 2, V = 1023 full), seconds per epoch (proven in parallel on the available cores, as
 *       the node does).</li>
 * </ul>
 * {@code java -jar bench/target/benchmarks.jar AuthorBench -p chain=full}
 */
@Fork(1)
public class AuthorBench {

    /** A genesis: its header, state and parameters. */
    record Genesis(ChainParams params, io.jamboree.types.Header header, List<io.jamboree.stf.state.KeyValue> keyvals) {}

    /** The genesis of {@code chain}: "tiny" (the public traces' genesis) or "full" (the dev genesis, V = 1023). */
    static Genesis genesis(String chain) {
        return switch (chain) {
            case "tiny" -> {
                try {
                    io.jamboree.importer.trace.Genesis g = TraceFormat.readGenesis(VectorsFolder.require(
                            "jam-test-vectors-0.7.2/traces/fallback").resolve("genesis.bin"), ChainParams.tiny());
                    yield new Genesis(ChainParams.tiny(), g.header(), g.state().keyvals());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            case "full" -> {
                ChainSpec spec = new ChainSpecsComponent().dev(ChainParams.full());
                yield new Genesis(spec.params(), spec.genesisHeader(), spec.genesisState());
            }
            default -> throw new IllegalArgumentException("chain must be tiny or full, got " + chain);
        };
    }

    static List<LocalKey> devKeys(ChainParams p) {
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < p.validatorsCount(); i++) {
            keys.add(LocalKey.dev(i));
        }
        return keys;
    }

    /** A growing dev chain, authored without tickets (fallback-sealed). */
    @State(Scope.Benchmark)
    public static class Chain {
        @Param({"tiny", "full"})
        public String chain;
        BlockImporter importer;
        NodeAuthor author;
        long slot;

        @Setup(Level.Trial)
        public void setUp() {
            Genesis g = genesis(chain);
            importer = TestImporters.create(g.params(), new MemoryNodeStore(),
                    new PvmInvocationsComponent().accumulation(new InterpreterEngine()));
            importer.initialize(g.header(), g.keyvals(), List.of());
            author = new NodeAuthor(importer, devKeys(g.params()), b -> { }, false);
            slot = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public SlotOutcome authorBlock(Chain c) {
        SlotOutcome o = c.author.authorSlot(++c.slot);
        if (!(o instanceof SlotOutcome.Authored)) {
            throw new IllegalStateException("slot " + c.slot + " not authored: " + o);
        }
        return o;
    }

    /** The genesis contest: η_2 and γ_k of the genesis, a ring prover for V keys and validator 0's key. */
    @State(Scope.Benchmark)
    public static class Contest {
        @Param({"tiny", "full"})
        public String chain;
        ChainParams params;
        TicketGenerator generator;
        Hash eta2;
        ValidatorKeys gammaK;
        List<LocalKey> keys;

        @Setup(Level.Trial)
        public void setUp() {
            Genesis g = genesis(chain);
            params = g.params();
            ChainState s = StateCodec.decode(g.keyvals(), params);
            eta2 = s.eta().get(2);
            gammaK = s.gamma().pendingValidators();
            keys = List.of(LocalKey.dev(0));
            RingVrf ring = NodeAuthor.defaultProver(params);
            generator = new TicketGenerator(() -> ring);
            // prepare the prover's tables outside the measurement
            var c = generator.candidates(eta2, gammaK, keys, 1).get(0);
            generator.prove(c, eta2, gammaK);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public List<TicketEnvelope> ticketsPerValidator(Contest c) {
        List<TicketGenerator.Candidate> all = c.generator.candidates(c.eta2, c.gammaK, c.keys,
                c.params.ticketEntriesPerValidator());
        // as the node does: proven in parallel, one thread per core
        return c.generator.proveAll(all, c.eta2, c.gammaK);
    }
}
