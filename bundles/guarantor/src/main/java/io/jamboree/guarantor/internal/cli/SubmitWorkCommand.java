package io.jamboree.guarantor.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.sample.SampleService;
import io.jamboree.types.Blob;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Hash;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.Statistics;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam submit-work --service ID --payload HEX [--payload HEX]... [--exports K=N]... [--import K=F:I]...
 * [--core N] [--url ws://HOST:PORT] [--wait] [--timeout S]}: builds a work package of one item for service {@code ID}
 * with each payload (the item of payload {@code K}, from 0, exporting {@code N} segments with {@code --exports K=N};
 * importing, with {@code --import K=F:I}, segment {@code I} of the package of payload {@code F}, named by its
 * work-package hash, submitted once that package is available), authorized by the dev
 * chain spec's accepting authorizer ({@link SampleService#authorizerCodeHash()} hosted by the sample service, empty
 * configuration), its context anchored at the node's best block (GP §14.3: anchor, its state root and
 * accumulation-output super-peak, the same block as lookup anchor), submits it with the JIP-2
 * {@code submitWorkPackage} and prints its hash. Several payloads go to the cores in turn from {@code --core}.
 *
 * <p>With {@code --wait} it follows each package on the node's best chain: "guaranteed" when a block's core
 * statistics (π_C, GP §13) show a bundle of its size reported on its core, "available" when they show it made
 * available, "accumulated" when the service's storage under H(payload) holds a value (the sample service writes its
 * refine output there), each line with the block's slot. A core takes one report at a time (ρ, GP §11.1), so with
 * {@code --wait} the next package for a core is built and submitted once the previous one is accumulated or
 * dropped. Exit 0 once every package is accumulated, 1 when one is dropped (its anchor left the recent history
 * before it was guaranteed, or it was not accumulated within the availability timeout) or refused, 2 on bad
 * arguments or no node.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=submit-work")
public final class SubmitWorkCommand implements JamCommand {
    static final String DEFAULT_URL = "ws://127.0.0.1:19800/";
    static final long REFINE_GAS = 50_000_000L;
    static final long ACCUMULATE_GAS = 1_000_000L;

    @Override
    public String name() {
        return "submit-work";
    }

    /** A package on its way: where it is and when each stage was seen. */
    private static final class Tracked {
        final byte[] payload;
        final int core;
        Hash hash;
        int length;
        long submittedMs;
        long submittedSlot;
        int blocks;
        long guaranteed = -1;
        long available = -1;
        long accumulated = -1;
        boolean dropped;
        /** e of its work item: the sample service exports its data that many times. */
        int exports;
        /** The payload number (of this run) whose package's segment it imports, or -1. */
        int importFrom = -1;
        int importIndex;
        /** The block its package is anchored on (the node's best block when it was built). */
        Hash anchor;
        /** How often it was built again because its anchor left the best chain. */
        int resubmissions;

        Tracked(byte[] payload, int core) {
            this.payload = payload;
            this.core = core;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String url = DEFAULT_URL;
        long service = -1;
        List<byte[]> payloads = new ArrayList<>();
        java.util.Map<Integer, Integer> exports = new java.util.HashMap<>();
        java.util.Map<Integer, int[]> imports = new java.util.HashMap<>();
        int core = 0;
        boolean wait = false;
        long timeout = 120;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--wait")) {
                wait = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                err.println("jam submit-work: " + a + (a.startsWith("--") ? " needs a value" : ": unknown argument"));
                return 2;
            }
            String v = args.get(++i);
            try {
                switch (a) {
                    case "--url" -> url = v;
                    case "--service" -> service = Long.parseLong(v);
                    case "--core" -> core = Integer.parseInt(v);
                    case "--timeout" -> timeout = Long.parseLong(v);
                    case "--payload" -> payloads.add(HexFormat.of().parseHex(v.startsWith("0x") ? v.substring(2) : v));
                    case "--exports" -> {
                        String[] kn = v.split("=");
                        int n = kn.length == 2 ? Integer.parseInt(kn[1]) : -1;
                        if (n < 0 || n > 255) {
                            throw new IllegalArgumentException("give K=N, N of 0..255");
                        }
                        exports.put(Integer.parseInt(kn[0]), n);
                    }
                    case "--import" -> {
                        String[] kfi = v.split("[=:]");
                        if (kfi.length != 3) {
                            throw new IllegalArgumentException("give K=F:I");
                        }
                        int k = Integer.parseInt(kfi[0]);
                        int from = Integer.parseInt(kfi[1]);
                        int index = Integer.parseInt(kfi[2]);
                        if (from < 0 || from >= k || index < 0 || index > 0x7FFF) {
                            throw new IllegalArgumentException("F must be an earlier payload than K, I of 0..32767");
                        }
                        imports.put(k, new int[] {from, index});
                    }
                    default -> {
                        err.println("jam submit-work: unknown option " + a);
                        return 2;
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("jam submit-work: bad value for " + a + ": '" + v + "' (" + e.getMessage() + ")");
                return 2;
            }
        }
        if (service < 0 || payloads.isEmpty()) {
            err.println("jam submit-work: give --service ID and --payload HEX");
            return 2;
        }
        for (int k : exports.keySet()) {
            if (k < 0 || k >= payloads.size()) {
                err.println("jam submit-work: --exports for payload " + k + " of " + payloads.size());
                return 2;
            }
        }
        for (int k : imports.keySet()) {
            if (k >= payloads.size()) {
                err.println("jam submit-work: --import for payload " + k + " of " + payloads.size());
                return 2;
            }
        }
        RpcClient rpc = null;
        long connectUntil = System.nanoTime() + 30_000_000_000L;
        while (rpc == null) {
            try {
                rpc = new RpcClient(url, 30);
            } catch (Exception e) {
                if (System.nanoTime() > connectUntil) {
                    err.println("jam submit-work: cannot connect to " + url + ": "
                            + (e.getCause() != null ? e.getCause() : e));
                    return 2;
                }
                try {
                    Thread.sleep(1000); // a node still starting: try again for up to 30 s
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            }
        }
        try (RpcClient client = rpc) {
            ChainParams p = params(rpc.call("parameters"));
            if (core < 0 || core >= p.coresCount()) {
                err.println("jam submit-work: core " + core + " does not exist (C = " + p.coresCount() + ")");
                return 2;
            }
            List<ArrayDeque<Tracked>> queues = new ArrayList<>();
            for (int c = 0; c < p.coresCount(); c++) {
                queues.add(new ArrayDeque<>());
            }
            List<Tracked> all = new ArrayList<>();
            for (int k = 0; k < payloads.size(); k++) {
                Tracked t = new Tracked(payloads.get(k), (core + k) % p.coresCount());
                t.exports = exports.getOrDefault(k, 0);
                if (imports.containsKey(k)) {
                    t.importFrom = imports.get(k)[0];
                    t.importIndex = imports.get(k)[1];
                }
                all.add(t);
                queues.get(t.core).add(t);
            }
            boolean single = all.size() == 1;
            if (!wait) {
                for (Tracked t : all) {
                    submit(rpc, p, service, t, all);
                    out.println(t.hash.hex());
                }
                return 0;
            }
            return follow(rpc, p, service, queues, all, single, timeout, out, err);
        } catch (RpcClient.RpcException e) {
            err.println("jam submit-work: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            err.println("jam submit-work: " + e);
            return 2;
        }
    }

    /** Builds the package of {@code t} anchored at the node's best block and submits it. */
    private static void submit(RpcClient rpc, ChainParams p, long service, Tracked t, List<Tracked> all)
            throws Exception {
        List<ImportSpec> imports = List.of();
        int importedBytes = 0;
        if (t.importFrom >= 0) {
            Tracked from = all.get(t.importFrom);
            // by the exporting package's hash (h^⊞): the guarantor reports its segment root in the lookup dictionary
            imports = List.of(new ImportSpec(from.hash, 0x8000 | t.importIndex));
            int depth = from.exports <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(from.exports - 1);
            importedBytes = p.segmentSize() + 1 + 32 * depth; // S and ↕J_0 in the bundle
        }
        JsonNode best = rpc.call("bestBlock");
        Hash anchor = new Hash(RpcClient.blob(best.get("header_hash")));
        long slot = best.get("slot").asLong();
        byte[] stateRoot = RpcClient.blob(rpc.call("stateRoot", anchor.bytes()));
        byte[] beefyRoot = RpcClient.blob(rpc.call("beefyRoot", anchor.bytes()));
        byte[] info = RpcClient.blob(rpc.call("serviceData", anchor.bytes(), service));
        if (stateRoot == null || beefyRoot == null) {
            throw new RpcClient.RpcException("the node knows no state root or accumulation root of its best block");
        }
        if (info == null) {
            throw new RpcClient.RpcException("service " + service + " does not exist at the best block");
        }
        ServiceInfo s = ServiceInfo.decode(new Decoder(info), p);
        long accGas = Math.max(ACCUMULATE_GAS, s.minItemGas());
        WorkPackage pkg = new WorkPackage(SampleService.ID, SampleService.authorizerCodeHash(),
                new RefineContext(anchor, new Hash(stateRoot), new Hash(beefyRoot), anchor, slot, List.of()),
                Blob.EMPTY, Blob.EMPTY, List.of(new WorkItem(service, s.codeHash(),
                        Math.min(REFINE_GAS, p.packageRefineGas()), Math.min(accGas, p.reportAccumulateGas()),
                        t.exports, new Blob(t.payload), imports, List.of())));
        Encoder e = new Encoder();
        pkg.encode(e, p);
        byte[] encoded = e.toByteArray();
        t.hash = new Hash(Blake2b256.hash(encoded));
        t.anchor = anchor;
        t.length = encoded.length + importedBytes;
        t.submittedSlot = slot;
        t.submittedMs = System.currentTimeMillis();
        rpc.call("submitWorkPackage", t.core, encoded, new Object[0]);
    }

    /** Attempts to build a package again after its anchor left the best chain. */
    private static final int MAX_RESUBMISSIONS = 2;

    /** A block's parent as the node knows it: its header hash and slot. */
    record ParentRef(Hash hash, long slot) {}

    /** The parent of a block, or null when the node does not know the block. */
    @FunctionalInterface
    interface Parents {
        ParentRef of(Hash child) throws Exception;
    }

    /** {@link Parents} through the node's JIP-2 {@code parent} method. */
    private static Parents parents(RpcClient rpc) {
        return child -> {
            JsonNode p = rpc.call("parent", child.bytes());
            return p == null || p.isNull() ? null
                    : new ParentRef(new Hash(RpcClient.blob(p.get("header_hash"))), p.get("slot").asLong());
        };
    }

    /**
     * Whether {@code anchor} (of slot {@code anchorSlot}) is off the chain of {@code head}: walking back from the head
     * reaches a block at or below the anchor's slot that is not the anchor. False when the walk cannot tell (a parent
     * unknown to the node).
     */
    static boolean offChain(Parents parents, Hash head, long headSlot, Hash anchor, long anchorSlot) throws Exception {
        Hash h = head;
        long slot = headSlot;
        while (slot > anchorSlot) {
            ParentRef p = parents.of(h);
            if (p == null) {
                return false;
            }
            h = p.hash();
            slot = p.slot();
        }
        return !h.equals(anchor);
    }

    private static ChainParams params(JsonNode parameters) {
        int v = parameters.path("V1").path("val_count").asInt();
        ChainParams tiny = ChainParams.tiny();
        if (v == tiny.validatorsCount()) {
            return tiny;
        }
        ChainParams full = ChainParams.full();
        if (v == full.validatorsCount()) {
            return full;
        }
        throw new IllegalArgumentException("a chain of " + v + " validators is neither tiny nor full");
    }

    /** Submits and follows the packages along the best chain until each is accumulated (0) or one is dropped (1). */
    private static int follow(RpcClient rpc, ChainParams p, long service, List<ArrayDeque<Tracked>> queues,
            List<Tracked> all, boolean single, long timeoutS, PrintStream out, PrintStream err) throws Exception {
        Tracked[] current = new Tracked[queues.size()];
        Hash seen = null;
        long end = System.nanoTime() + timeoutS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int c = 0; c < current.length; c++) {
                if (current[c] == null && !queues.get(c).isEmpty()) {
                    Tracked next = queues.get(c).peek();
                    if (next.importFrom >= 0) {
                        Tracked from = all.get(next.importFrom);
                        if (from.dropped) {
                            queues.get(c).poll();
                            next.dropped = true;
                            err.println("dropped: payload " + all.indexOf(next) + " imports from a dropped package");
                            continue;
                        }
                        if (from.available < 0 && from.accumulated < 0) {
                            continue; // its segments are not available yet
                        }
                    }
                    Tracked t = queues.get(c).poll();
                    submit(rpc, p, service, t, all);
                    current[c] = t;
                    out.println(single ? t.hash.hex() : t.hash.hex() + " submitted to core " + c + " at slot "
                            + t.submittedSlot);
                    out.flush();
                }
            }
            boolean busy = false;
            for (int c = 0; c < current.length; c++) {
                busy |= current[c] != null || !queues.get(c).isEmpty();
            }
            if (!busy) {
                break;
            }
            JsonNode best = rpc.call("bestBlock");
            Hash h = new Hash(RpcClient.blob(best.get("header_hash")));
            long slot = best.get("slot").asLong();
            if (h.equals(seen)) {
                Thread.sleep(200);
                continue;
            }
            seen = h;
            byte[] pi = RpcClient.blob(rpc.call("statistics", h.bytes()));
            Statistics stats = pi == null ? null : Statistics.decode(new Decoder(pi), p);
            for (int c = 0; c < current.length; c++) {
                Tracked t = current[c];
                if (t == null) {
                    continue;
                }
                String who = single ? "" : t.hash.hex() + " ";
                t.blocks++;
                if (stats != null) {
                    CoreActivityRecord r = stats.cores().get(c);
                    if (t.guaranteed < 0 && r.bundleSize() == t.length) {
                        t.guaranteed = slot;
                        out.println(who + "guaranteed: slot " + slot);
                    }
                    if (t.guaranteed >= 0 && t.available < 0 && r.daLoad() >= t.length) {
                        t.available = slot;
                        out.println(who + "available: slot " + slot);
                    }
                }
                byte[] key = Blake2b256.hash(t.payload);
                byte[] v = RpcClient.blob(rpc.call("serviceValue", h.bytes(), service, key));
                if (v == null && t.resubmissions < MAX_RESUBMISSIONS && offChain(parents(rpc), h, slot, t.anchor, t.submittedSlot)) {
                    // its anchor is on a fork the best chain left: no block of this chain can take its report (GP §11.4,
                    // the anchor must be in the recent history β); a builder builds it again on the best block
                    Hash old = t.hash;
                    t.resubmissions++;
                    t.guaranteed = -1;
                    t.available = -1;
                    t.blocks = 0;
                    submit(rpc, p, service, t, all);
                    out.println(old.hex() + " resubmitted as " + t.hash.hex() + ": its anchor " + t.anchor.hex()
                            .substring(0, 10) + "... left the best chain; " + t.hash.hex() + " submitted to core " + c
                            + " at slot " + t.submittedSlot);
                    out.flush();
                    continue;
                }
                if (v != null) {
                    if (t.guaranteed < 0) {
                        out.println(who + "guaranteed: before slot " + slot);
                    }
                    if (t.available < 0) {
                        out.println(who + "available: before slot " + slot);
                    }
                    t.accumulated = slot;
                    out.println(who + "accumulated: slot " + slot + " (" + (System.currentTimeMillis() - t.submittedMs)
                            + " ms after submission)" + (Arrays.equals(v, key) ? ""
                            : "; storage holds " + Hex.encode(v) + (t.importFrom >= 0 ? " (H of the imported segment)"
                                    : ", not H(payload)")));
                    current[c] = null;
                } else if (t.guaranteed < 0 && t.blocks > p.recentHistorySize() + 1) {
                    // its anchor has left the recent history β (GP §7): no block can take the report any more
                    err.println(who + "dropped: not guaranteed by slot " + slot + ", " + (t.blocks - 1)
                            + " blocks after its anchor");
                    t.dropped = true;
                    current[c] = null;
                } else if (t.guaranteed >= 0 && slot > t.guaranteed + p.assuranceTimeoutPeriod() + p.rotationPeriod()) {
                    err.println(who + "dropped: guaranteed at slot " + t.guaranteed + " but not accumulated by slot "
                            + slot);
                    t.dropped = true;
                    current[c] = null;
                }
                out.flush();
            }
        }
        int accumulated = 0;
        for (Tracked t : all) {
            if (t.accumulated >= 0) {
                accumulated++;
            }
        }
        if (!single) {
            out.println(accumulated + " of " + all.size() + " packages accumulated");
        }
        if (accumulated == all.size()) {
            return 0;
        }
        if (all.stream().noneMatch(t -> t.dropped)) {
            err.println("jam submit-work: gave up after " + timeoutS + " s");
        }
        return 1;
    }
}
