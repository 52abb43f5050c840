package io.jamboree.author.internal.cli;

import io.jamboree.importer.trace.Genesis;
import io.jamboree.keystore.DevValidatorRange;
import io.jamboree.importer.trace.RawState;
import io.jamboree.author.Author;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.author.SealKind;
import io.jamboree.author.SlotOutcome;
import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.ChainSpecs;
import io.jamboree.merkle.StateKey;
import io.jamboree.sample.SampleService;
import io.jamboree.author.internal.TraceFormat;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;
import io.jamboree.codec.Decoder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code jam run}: a validator node that authors its slots (GP §6) on a slot clock. Arguments (checked by the
 * launcher, which also configured the store, the importer's chain and the author's keys):
 * {@code --chain tiny|full|FILE [--params tiny|full] --data DIR [--slot-ms N] [--clock wall|fast] [--slots N]
 * [--network]}; with {@code --network} (the launcher configured jam-sync's network) a node without validator keys
 * runs too, following the chain it imports from its peers, and slots whose block came from the network are skipped.
 *
 * <p>An empty store starts from the chain's genesis; otherwise the node continues from the stored best head. Wall
 * clock: slot s starts at the genesis time plus s slot durations; the genesis time is kept in {@code DIR/genesis-time}
 * (milliseconds since 1970), set when the chain is first started. Fast clock: the next slot starts as soon as the
 * node is idle. Ctrl-C finishes the slot at hand and stops.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=run")
public final class RunCommand implements JamCommand {
    static final int OK = 0;
    static final int BUG = 1;
    static final int BAD_INPUT = 2;
    /** On a network: slots without a new best head after which a finished node stops. */
    static final long QUIET_SLOTS = 10;
    /** On a network: the most slots a finished node waits for its chain to stop growing. */
    static final long LINGER_SLOTS = 120;

    private final BlockImporter importer;
    private final Author author;
    private final ChainSpecs specs;

    @Activate
    public RunCommand(@Reference BlockImporter importer, @Reference Author author, @Reference ChainSpecs specs) {
        this.importer = importer;
        this.author = author;
        this.specs = specs;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String chain = "tiny";
        Path data = null;
        long slotMs = -1;
        boolean fast = false;
        long lastSlot = -1;
        Long givenGenesis = null;
        boolean network = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size() && a.startsWith("--") && !a.equals("--network")) {
                err.println("jam run: " + a + " needs a value");
                return BAD_INPUT;
            }
            try {
                switch (a) {
                    case "--chain" -> chain = args.get(++i);
                    case "--data" -> data = Path.of(args.get(++i));
                    case "--slot-ms" -> slotMs = Long.parseLong(args.get(++i));
                    case "--clock" -> fast = args.get(++i).equals("fast");
                    case "--slots" -> lastSlot = Long.parseLong(args.get(++i));
                    case "--genesis-time" -> givenGenesis = Long.parseLong(args.get(++i));
                    case "--params", "--dev-validators" -> i++;
                    case "--network" -> network = true;
                    default -> {
                        err.println("jam run: unknown argument " + a);
                        return BAD_INPUT;
                    }
                }
            } catch (NumberFormatException e) {
                err.println("jam run: " + a + " needs a number, not '" + args.get(i) + "'");
                return BAD_INPUT;
            }
        }
        ChainParams p = importer.params();
        if (slotMs <= 0) {
            slotMs = p.slotSeconds() * 1000L;
        }
        // genesis or resume
        Optional<Hash> head = importer.bestHead();
        if (head.isEmpty()) {
            Genesis g;
            try {
                g = genesis(chain, p, out);
            } catch (IOException | IllegalArgumentException e) {
                err.println("jam run: " + e.getMessage());
                return BAD_INPUT;
            }
            Hash root = importer.initialize(g.header(), g.state().keyvals(), List.of());
            out.printf("genesis %s (slot %d, %s chain), state root %s%n", g.header().hash(p), g.header().slot(), p.name(),
                    root);
        } else {
            long slot = importer.header(head.get()).map(h -> h.slot()).orElse(-1L);
            out.printf("resuming from the stored best head %s (slot %d)%n", head.get(), slot);
        }
        List<Integer> ours = author.validators();
        if (ours.isEmpty() && !network) {
            err.println("jam run: none of this node's keys (--dev-validator/--dev-validators, key files in DIR/keys) is a "
                    + "validator of the chain");
            return BAD_INPUT;
        }
        out.printf("%s; %s clock%s%n", ours.isEmpty() ? "no validator keys: following the network's chain"
                        : "validators " + DevValidatorRange.of(ours).format() + " of " + p.validatorsCount(),
                fast ? "fast" : "wall (" + slotMs + " ms slots)", lastSlot >= 0 ? ", stopping after slot " + lastSlot : "");
        if (hasSampleService(p)) {
            out.printf("sample service: %d%n", SampleService.ID);
        }

        long genesisMillis = 0;
        if (!fast) {
            try {
                genesisMillis = givenGenesis == null ? genesisTime(data, headSlot(), slotMs) : genesisTime(data, givenGenesis);
            } catch (IOException | NumberFormatException e) {
                err.println("jam run: cannot read or write the genesis time in " + data + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }

        Loop loop = new Loop();
        Thread hook = new Thread(loop::stopAndWait, "jam-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return loop.run(out, err, fast, genesisMillis, slotMs, lastSlot, network);
        } finally {
            loop.done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
        }
    }

    /**
     * The genesis to start from: for {@code tiny} and {@code full} the dev chain spec (jam-docs genesis config, all V
     * validators JIP-5 dev validators); a {@code .json} file is a JIP-4 chain spec, any other file a trace genesis
     * ({@code genesis.bin}) of the importer's parameters.
     */
    /**
     * Whether the best head's state has the dev genesis sample service: an account under {@link SampleService#ID}
     * whose code hash is the sample service's.
     */
    private boolean hasSampleService(ChainParams p) {
        Hash head = importer.bestHead().orElseThrow();
        return importer.state(head).map(kvs -> {
            byte[] info = StateCodec.toMap(kvs).get(StateKey.serviceAccount(SampleService.ID));
            return info != null && SampleService.codeHash().equals(ServiceInfo.decode(new Decoder(info), p).codeHash());
        }).orElse(false);
    }

    /** H_t of the best head (the state's τ for an initial state stored without its header). */
    private long headSlot() {
        Hash head = importer.bestHead().orElseThrow();
        return importer.header(head).map(h -> h.slot())
                .orElseGet(() -> importer.state(head).map(kvs -> StateCodec.tau(StateCodec.toMap(kvs))).orElse(0L));
    }

    private Genesis genesis(String chain, ChainParams p, PrintStream out) throws IOException {
        if (chain.equals("tiny") || chain.equals("full")) {
            if (p.validatorsCount() > 100) {
                out.printf("deriving the %d dev validators' keys and the ring root of the %s dev genesis...%n",
                        p.validatorsCount(), p.name());
            }
            ChainSpec spec = specs.dev(p);
            return new Genesis(spec.genesisHeader(),
                    new RawState(spec.genesisStateRoot(), spec.genesisState()));
        }
        Path f = Path.of(chain);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no such chain file: " + chain);
        }
        if (f.getFileName().toString().endsWith(".json")) {
            ChainSpec spec;
            try {
                spec = specs.read(f);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a JIP-4 chain spec: " + f + ": " + e.getMessage(), e);
            }
            ChainParams sp = spec.params();
            if (sp.validatorsCount() != p.validatorsCount() || sp.epochLength() != p.epochLength()
                    || sp.coresCount() != p.coresCount()) {
                throw new IllegalArgumentException("the chain spec " + f + " has V=" + sp.validatorsCount() + ", E="
                        + sp.epochLength() + ", C=" + sp.coresCount() + " but the node runs the '" + p.name()
                        + "' parameters: give --params tiny or full to match");
            }
            return new Genesis(spec.genesisHeader(),
                    new RawState(spec.genesisStateRoot(), spec.genesisState()));
        }
        return TraceFormat.readGenesis(f, p);
    }

    /**
     * The genesis time (ms since 1970) kept in {@code DIR/genesis-time}; when the file does not exist yet (a new chain,
     * or one authored with the fast clock), the time that makes the slot after the best head's start one slot from now.
     */
    private static long genesisTime(Path data, long headSlot, long slotMs) throws IOException {
        long now = System.currentTimeMillis() - headSlot * slotMs;
        if (data == null) {
            return now;
        }
        Path f = data.resolve("genesis-time");
        if (Files.exists(f)) {
            return Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).strip());
        }
        Files.createDirectories(data);
        Files.writeString(f, now + "\n", StandardCharsets.US_ASCII);
        return now;
    }

    /**
     * The genesis time given with {@code --genesis-time} (every node of a dev network starts with the same one): kept in
     * {@code DIR/genesis-time}; a different time already kept there is refused, as the node's slots would move.
     */
    private static long genesisTime(Path data, long given) throws IOException {
        if (data == null) {
            return given;
        }
        Path f = data.resolve("genesis-time");
        if (Files.exists(f)) {
            long kept = Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).strip());
            if (kept != given) {
                throw new IOException("it keeps " + kept + ", not the given --genesis-time " + given
                        + " (a data folder belongs to one chain)");
            }
            return kept;
        }
        Files.createDirectories(data);
        Files.writeString(f, given + "\n", StandardCharsets.US_ASCII);
        return given;
    }

    /** The slot loop; {@link #stopAndWait} (Ctrl-C) lets it finish the slot at hand. */
    private final class Loop {
        volatile boolean stop;
        final CountDownLatch done = new CountDownLatch(1);

        void stopAndWait() {
            stop = true;
            try {
                done.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int run(PrintStream out, PrintStream err, boolean fast, long genesisMillis, long slotMs, long lastSlot,
                boolean network) {
            ChainParams p = importer.params();
            long next = headSlot() + 1;
            int authored = 0;
            int tickets = 0;
            int fallback = 0;
            while (!stop && (lastSlot < 0 || next <= lastSlot)) {
                if (!fast) {
                    long now = System.currentTimeMillis();
                    long current = Math.floorDiv(now - genesisMillis, slotMs);
                    if (current > next) {
                        // slots passed while the node was down or busy are skipped
                        long lastMissed = lastSlot >= 0 ? Math.min(current - 1, lastSlot) : current - 1;
                        out.printf("slot%s %s missed: the node was busy or down%n", lastMissed > next ? "s" : "",
                                lastMissed > next ? next + "-" + lastMissed : String.valueOf(next));
                        next = current;
                        if (lastSlot >= 0 && next > lastSlot) {
                            break;
                        }
                    }
                    long start = genesisMillis + next * slotMs;
                    while (!stop && System.currentTimeMillis() < start) {
                        sleep(Math.min(200, start - System.currentTimeMillis()));
                    }
                    if (stop) {
                        break;
                    }
                }
                if (next <= headSlot()) {
                    // a block of this slot (or a later one) came from the network: nothing left to author in it
                    next = headSlot() + 1;
                    continue;
                }
                SlotOutcome o;
                try {
                    o = author.authorSlot(next);
                } catch (IllegalStateException e) {
                    if (next <= headSlot()) {
                        continue; // a network block of this slot was imported meanwhile
                    }
                    throw e;
                }
                switch (o) {
                    case SlotOutcome.Authored a -> {
                        AuthoredBlock b = a.block();
                        authored++;
                        if (b.sealKind() == SealKind.TICKET) {
                            tickets++;
                        } else {
                            fallback++;
                        }
                        out.printf("slot %d (epoch %d, phase %d): block %s, %s-sealed by validator %d, %d tickets "
                                        + "included, author %d ms, import %d ms%n",
                                b.slot(), b.slot() / p.epochLength(), b.slot() % p.epochLength(), b.headerHash(),
                                b.sealKind() == SealKind.TICKET ? "ticket" : "fallback",
                                b.block().header().authorIndex(), b.ticketsIncluded(), b.authorNanos() / 1_000_000,
                                b.importNanos() / 1_000_000);
                    }
                    case SlotOutcome.NotOurs n -> {
                        if (!fast) {
                            out.printf("slot %d: not ours%n", n.slot());
                        }
                    }
                    case SlotOutcome.ParentPruned pp -> {
                        if (!fast) {
                            out.printf("slot %d: ours, but its parent %s was pruned while the block was built (finality"
                                    + " chose another fork); skipped%n", pp.slot(), pp.parent());
                        }
                    }
                    case SlotOutcome.Rejected r -> {
                        err.printf("jam run: BUG: our block for slot %d was rejected by the importer: %s%n", r.slot(),
                                r.reason());
                        return BUG;
                    }
                }
                next++;
            }
            if (network && !stop && !fast) {
                // a networked node waits out its last slot, so the block of that slot reaches it from its author, and
                // then while its chain still grows (a node that came up late syncs from its peers): until the head
                // stayed put for QUIET_SLOTS slots, at most LINGER_SLOTS slots
                long end = genesisMillis + (next + 1) * slotMs;
                long limit = System.currentTimeMillis() + LINGER_SLOTS * slotMs;
                Hash seen = importer.bestHead().orElseThrow();
                long changed = System.currentTimeMillis();
                while (!stop && System.currentTimeMillis() < limit) {
                    long now = System.currentTimeMillis();
                    Hash h = importer.bestHead().orElseThrow();
                    if (!h.equals(seen)) {
                        seen = h;
                        changed = now;
                    }
                    // a node far behind (it came up late: its network may not even be connected yet) keeps waiting
                    boolean behind = headSlot() + p.epochLength() < next - 1;
                    if (now >= end && !behind && now - changed >= QUIET_SLOTS * slotMs) {
                        break;
                    }
                    sleep(200);
                }
            }
            Hash best = importer.bestHead().orElseThrow();
            out.printf("%s: %d blocks authored (%d ticket-sealed, %d fallback-sealed); best head %s at slot %d, "
                            + "state root %s%n", stop ? "stopped" : "done", authored, tickets, fallback, best, headSlot(),
                    importer.stateRoot(best).map(Hash::toString).orElse("unknown"));
            out.flush();
            return OK;
        }

        private void sleep(long ms) {
            if (ms <= 0) {
                return;
            }
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
            }
        }
    }
}
