package io.jamboree.bench;

import io.jamboree.accumulate.Accumulation;
import io.jamboree.author.SlotOutcome;
import io.jamboree.author.internal.LocalKey;
import io.jamboree.author.internal.NodeAuthor;
import io.jamboree.author.internal.TicketGenerator;
import io.jamboree.author.internal.TraceFormat;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.crypto.RingVrf;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.BlockImporters;
import io.jamboree.importer.state.ChainState;
import io.jamboree.importer.state.StateCodec;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Hash;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.ValidatorKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Safrole block authoring on the tiny chain of the public traces' genesis (JIP-5 dev validators 0–5; vectors found
 * by {@link VectorsFolder}):
 * <ul>
 *   <li>{@link #authorBlock}: one fallback-sealed block with an empty extrinsic: Safrole for the header marks, slot
 *       leadership, H_v and H_s (GP §6.4) and the import of the block ({@code BlockImporter.importBlock} on the
 *       in-memory store), milliseconds per block; the chain grows by one slot per operation;</li>
 *   <li>{@link #ticketsPerEpoch}: what one epoch's ticket submission costs the six validators: the identifiers of all
 *       6 × N = 18 candidate tickets and the ring VRF proofs (GP §6.7, eq. 6.29, ring of 6 keys) of the E = 12 best,
 *       seconds per epoch (proven in parallel on the available cores, as the node does).</li>
 * </ul>
 * {@code java -jar bench/target/benchmarks.jar AuthorBench}
 */
@Fork(1)
public class AuthorBench {
    static final ChainParams P = ChainParams.tiny();

    /** The genesis of the public traces (jam-test-vectors-0.7.2/traces/fallback/genesis.bin, found by {@link VectorsFolder}). */
    static TraceFormat.Genesis traceGenesis() {
        try {
            return TraceFormat.readGenesis(VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback")
                    .resolve("genesis.bin"), P);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<LocalKey> devKeys() {
        List<LocalKey> keys = new ArrayList<>();
        for (int i = 0; i < P.validatorsCount(); i++) {
            keys.add(LocalKey.dev(i));
        }
        return keys;
    }

    /** A growing dev chain, authored without tickets (fallback-sealed). */
    @State(Scope.Benchmark)
    public static class Chain {
        BlockImporter importer;
        NodeAuthor author;
        long slot;

        @Setup(Level.Trial)
        public void setUp() {
            importer = BlockImporters.create(P, new MemoryNodeStore(), Accumulation.using(new InterpreterEngine()));
            TraceFormat.Genesis g = traceGenesis();
            importer.initialize(g.header(), g.state().keyvals(), List.of());
            author = new NodeAuthor(importer, devKeys(), b -> { }, false);
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

    /** The genesis contest: η_2 and γ_k of the dev genesis, and a ring prover for 6 keys. */
    @State(Scope.Benchmark)
    public static class Contest {
        TicketGenerator generator;
        Hash eta2;
        ValidatorKeys gammaK;
        List<LocalKey> keys;

        @Setup(Level.Trial)
        public void setUp() {
            TraceFormat.Genesis g = traceGenesis();
            ChainState s = StateCodec.decode(g.state().keyvals(), P);
            eta2 = s.eta().get(2);
            gammaK = s.gamma().pendingValidators();
            keys = devKeys();
            RingVrf ring = NodeAuthor.defaultProver(P);
            generator = new TicketGenerator(() -> ring);
            // prepare the prover's tables outside the measurement
            var c = generator.candidates(eta2, gammaK, keys.subList(0, 1), 1).get(0);
            generator.prove(c, eta2, gammaK);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public List<TicketEnvelope> ticketsPerEpoch(Contest c) {
        List<TicketGenerator.Candidate> all = new ArrayList<>(
                c.generator.candidates(c.eta2, c.gammaK, c.keys, P.ticketEntriesPerValidator()));
        all.sort(Comparator.comparing(x -> x.body().id()));
        // as the node does: proven in parallel, one thread per core
        return c.generator.proveAll(all.subList(0, P.epochLength()), c.eta2, c.gammaK);
    }
}
