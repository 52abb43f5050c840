package io.jamboree.author.internal.cli;

import io.jamboree.importer.trace.Genesis;
import io.jamboree.importer.trace.RawState;
import io.jamboree.author.internal.TraceFormat;
import io.jamboree.core.ChainParams;
import io.jamboree.importer.BlockImporter;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.TicketsOrKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code jam export --trace DIR}: writes the stored best chain as a block-import trace folder in the public traces
 * format ({@code traces/schema.asn}): {@code genesis.bin}/{@code .json} and one {@code TraceStep} per block,
 * {@code NNNNNNNN.bin}/{@code .json} numbered by height. The importer keeps the states of the last
 * {@code RETAINED_EPOCHS} epochs only: when older states were pruned, the trace starts at the first block whose
 * parent state is kept, without genesis (which {@code jam import} accepts). Prints, per epoch, how many blocks were
 * ticket-sealed and fallback-sealed (GP §6.5: by the posterior γ'_s of each block).
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=export")
public final class ExportCommand implements JamCommand {
    private final BlockImporter importer;

    @Activate
    public ExportCommand(@Reference BlockImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                err.println("jam export: " + a + " needs a value");
                return 2;
            }
            switch (a) {
                case "--trace" -> dir = Path.of(args.get(++i));
                case "--data", "--chain" -> i++;
                default -> {
                    err.println("jam export: unknown argument " + a);
                    return 2;
                }
            }
        }
        if (dir == null) {
            err.println("jam export: --trace DIR is required");
            return 2;
        }
        Optional<Hash> best = importer.bestHead();
        if (best.isEmpty()) {
            err.println("jam export: the store holds no chain (run 'jam run' with the same --data first)");
            return 2;
        }
        ChainParams p = importer.params();
        // the best chain, head first, down to the initial state
        List<Hash> chain = new ArrayList<>();
        Hash h = best.get();
        Hash initial;
        while (true) {
            Optional<Block> b = importer.block(h);
            if (b.isEmpty()) {
                initial = h;
                break;
            }
            chain.add(h);
            h = b.get().header().parent();
        }
        Collections.reverse(chain);
        int first = 0; // the first block whose parent state is kept
        while (first < chain.size() && importer.state(first == 0 ? initial : chain.get(first - 1)).isEmpty()) {
            first++;
        }
        try {
            Files.createDirectories(dir);
            Optional<Header> genesisHeader = importer.header(initial);
            boolean withGenesis = first == 0 && genesisHeader.isPresent();
            List<KeyValue> pre = importer.state(first == 0 ? initial : chain.get(first - 1)).orElse(List.of());
            Hash preRoot = importer.stateRoot(first == 0 ? initial : chain.get(first - 1)).orElseThrow();
            if (withGenesis) {
                TraceFormat.writeGenesis(dir, new Genesis(genesisHeader.get(),
                        new RawState(preRoot, pre)), p);
            }
            TreeMap<Long, int[]> perEpoch = new TreeMap<>();
            long prevSlot = -1;
            int gaps = 0;
            for (int i = first; i < chain.size(); i++) {
                Hash bh = chain.get(i);
                Block block = importer.block(bh).orElseThrow();
                List<KeyValue> post = importer.state(bh).orElseThrow(
                        () -> new IllegalStateException("the state of block " + bh + " is not kept"));
                Hash postRoot = importer.stateRoot(bh).orElseThrow();
                TraceFormat.writeStep(dir, String.format("%08d", i + 1), new RawState(preRoot, pre), block,
                        new RawState(postRoot, post), p);
                long slot = block.header().slot();
                if (prevSlot >= 0) {
                    gaps += (int) (slot - prevSlot - 1);
                }
                prevSlot = slot;
                boolean ticket = StateCodec.decode(post, p).gamma().sealTickets() instanceof TicketsOrKeys.Tickets;
                perEpoch.computeIfAbsent(slot / p.epochLength(), e -> new int[2])[ticket ? 0 : 1]++;
                pre = post;
                preRoot = postRoot;
            }
            int n = chain.size() - first;
            out.printf("exported %d blocks%s to %s%s%n", n, withGenesis ? " and genesis" : "", dir,
                    first > 0 ? " (the first " + first + " blocks' parent states were pruned; the trace starts mid-chain)"
                            : "");
            if (n > 0) {
                out.printf("slots %d-%d: %d of %d slots filled%n",
                        importer.block(chain.get(first)).orElseThrow().header().slot(), prevSlot, n, n + gaps);
            }
            perEpoch.forEach((e, c) -> out.printf("epoch %d: %d blocks, %d ticket-sealed, %d fallback-sealed%n", e,
                    c[0] + c[1], c[0], c[1]));
            return 0;
        } catch (IOException e) {
            err.println("jam export: cannot write " + dir + ": " + e.getMessage());
            return 2;
        }
    }
}
