package io.jamboree.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.accumulate.Accumulation;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.BlockImporter;

import io.jamboree.importer.ImportOutcome;
import io.jamboree.importer.internal.TestImporters;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.RecentBlocks;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JIP-2 method and subscription over a real WebSocket against a node that imported the public trace
 * {@code preimages} (tiny): results are checked against the trace's own post-states (state roots, statistics, service
 * accounts, preimages and requests, β's BEEFY roots) and the importer's store; subscriptions are checked while the
 * second half of the trace is imported.
 */
class RpcNodeTest {
    private static final ChainParams P = ChainParams.tiny();

    record Step(Block block, Hash postRoot, List<KeyValue> post) {}

    private static List<Step> steps;
    private static Header genesis;
    private static BlockImporter importer;
    private static RpcNode node;

    @BeforeAll
    static void start() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/preimages");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        genesis = Header.decode(g, P);
        Hash genesisRoot = Hash.decode(g);
        List<KeyValue> genesisState = kvs(g);
        steps = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(x -> x.getFileName().toString().matches("\\d{8}\\.bin")).sorted().toList()) {
                Decoder d = new Decoder(Files.readAllBytes(f));
                Hash.decode(d);
                kvs(d);
                Block b = Block.decode(d, P);
                Hash root = Hash.decode(d);
                steps.add(new Step(b, root, kvs(d)));
            }
        }
        RpcEvents hub = new RpcEvents();
        ImportEvents events = new ImportEvents(hub); // wired as Declarative Services wire it: importer -> events -> node
        importer = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()), events);
        assertEquals(genesisRoot, importer.initialize(genesis, genesisState, List.of()));
        node = new RpcNode(importer, new InetSocketAddress("127.0.0.1", 0), 1 << 20, 64,
                Optional::empty, Optional::empty, Optional::empty);
        hub.register(node);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static List<KeyValue> kvs(Decoder d) {
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        return out;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String b64(Hash h) {
        return b64(h.bytes());
    }

    private static Map<StateKey, byte[]> map(List<KeyValue> kvs) {
        Map<StateKey, byte[]> m = new HashMap<>();
        kvs.forEach(kv -> m.put(kv.key(), kv.value()));
        return m;
    }

    private static void importSteps(int from, int to) {
        for (int i = from; i < to; i++) {
            Step s = steps.get(i);
            ImportOutcome o = importer.importBlock(s.block());
            if (s.postRoot().equals(importer.stateRoot(s.block().header().parent()).orElse(null))) {
                continue; // a block the trace expects to be rejected
            }
            assertInstanceOf(ImportOutcome.Imported.class, o, "trace step " + (i + 1));
        }
    }

    @Test
    void everyMethodAndSubscriptionAgainstTheTrace() throws Exception {
        int half = steps.size() / 2;
        importSteps(0, half);
        try (WsClient c = new WsClient(node.url())) {
            // subscriptions first: their first notifications show the state at the half, later ones the end
            String best = c.call("subscribeBestBlock").asText();
            String fin = c.call("subscribeFinalizedBlock").asText();
            String stats = c.call("subscribeStatistics", false).asText();
            JsonNode first = c.notification(best).get("params").get("result");
            Hash halfHead = importer.bestHead().orElseThrow();
            assertEquals(b64(halfHead), first.get("header_hash").asText());
            assertEquals(b64(genesis.hash(P)), c.notification(fin).get("params").get("result").get("header_hash").asText());
            c.notification(stats);

            importSteps(half, steps.size());
            Hash head = importer.bestHead().orElseThrow();
            Step last = null;
            for (Step s : steps) {
                if (s.block().header().hash(P).equals(head)) {
                    last = s;
                }
            }
            assertTrue(last != null, "the best head is a trace block");
            Map<StateKey, byte[]> post = map(last.post());
            JsonNode n;
            do {
                n = c.notification(best).get("params").get("result");
            } while (!n.get("header_hash").asText().equals(b64(head)));
            assertEquals(last.block().header().slot(), n.get("slot").asLong());
            JsonNode statsNote;
            do {
                statsNote = c.notification(stats).get("params").get("result");
            } while (!statsNote.asText().equals(b64(post.get(StateKey.of(13)))));

            // bestBlock, finalizedBlock, parent, stateRoot
            JsonNode bb = c.call("bestBlock");
            assertEquals(b64(head), bb.get("header_hash").asText());
            assertEquals(last.block().header().slot(), bb.get("slot").asLong());
            JsonNode fb = c.call("finalizedBlock");
            assertEquals(b64(genesis.hash(P)), fb.get("header_hash").asText(), "no GRANDPA: the genesis is finalized");
            assertEquals(genesis.slot(), fb.get("slot").asLong());
            JsonNode parent = c.call("parent", b64(head));
            assertEquals(b64(last.block().header().parent()), parent.get("header_hash").asText());
            assertTrue(c.call("parent", b64(genesis.hash(P))).isNull(), "the genesis has no known parent");
            int roots = 0;
            for (Step s : steps) {
                Hash h = s.block().header().hash(P);
                if (importer.header(h).isPresent()) {
                    assertEquals(b64(s.postRoot()), c.call("stateRoot", b64(h)).asText(), "stateRoot of slot "
                            + s.block().header().slot());
                    roots++;
                }
            }
            assertTrue(roots > 10, "state roots compared: " + roots);
            assertTrue(c.call("stateRoot", b64(new byte[32])).isNull(), "unknown block: null");

            // statistics, services
            assertEquals(b64(post.get(StateKey.of(13))), c.call("statistics", b64(head)).asText());
            TreeSet<Long> services = new TreeSet<>();
            for (KeyValue kv : last.post()) {
                byte[] k = kv.key().bytes();
                if (io.jamboree.stf.state.ServiceAccounts.isAccountKey(k)) {
                    services.add((k[1] & 0xFFL) | (k[3] & 0xFFL) << 8 | (k[5] & 0xFFL) << 16 | (k[7] & 0xFFL) << 24);
                }
            }
            assertFalse(services.isEmpty());
            TreeSet<Long> listed = new TreeSet<>();
            c.call("listServices", b64(head)).forEach(x -> listed.add(x.asLong()));
            assertEquals(services, listed);
            for (long s : services) {
                assertEquals(b64(post.get(StateKey.serviceAccount(s))), c.call("serviceData", b64(head), s).asText());
            }
            assertTrue(c.call("serviceData", b64(head), 4_000_000_000L).isNull(), "no such service: null");

            // preimages and their requests: the trace's preimage items, found by hashing each value
            int preimages = 0;
            for (KeyValue kv : last.post()) {
                for (long s : services) {
                    byte[] h = Blake2b256.hash(kv.value());
                    if (!StateKey.preimage(s, h).equals(kv.key())) {
                        continue;
                    }
                    preimages++;
                    assertEquals(b64(kv.value()), c.call("servicePreimage", b64(head), s, b64(h)).asText());
                    byte[] req = post.get(StateKey.request(s, h, kv.value().length));
                    JsonNode slots = c.call("serviceRequest", b64(head), s, b64(h), kv.value().length);
                    if (req == null) {
                        assertTrue(slots.isNull());
                    } else {
                        Decoder d = new Decoder(req);
                        int count = (int) d.natural();
                        assertEquals(count, slots.size());
                        for (int i = 0; i < count; i++) {
                            assertEquals(d.u32(), slots.get(i).asLong());
                        }
                    }
                }
            }
            assertTrue(preimages > 0, "the preimages trace provides preimages");
            assertTrue(c.call("servicePreimage", b64(head), services.first(), b64(new byte[32])).isNull());
            assertTrue(c.call("serviceRequest", b64(head), services.first(), b64(new byte[32]), 5).isNull());
            assertTrue(c.call("serviceValue", b64(head), services.first(), b64("no such key".getBytes(StandardCharsets.UTF_8))).isNull());

            // beefyRoot: β of the posterior state records the head's BEEFY root
            RecentBlocks beta = RecentBlocks.decode(new Decoder(post.get(StateKey.of(3))), P);
            BlockInfo mine = beta.history().get(beta.history().size() - 1);
            assertEquals(head, mine.headerHash());
            assertEquals(b64(mine.beefyRoot()), c.call("beefyRoot", b64(head)).asText());

            // parameters
            JsonNode v1 = c.call("parameters").get("V1");
            assertEquals(P.validatorsCount(), v1.get("val_count").asInt());
            assertEquals(P.epochLength(), v1.get("epoch_period").asInt());
            assertEquals(P.blockAccumulateGas(), v1.get("block_gas_limit").asLong());
            assertEquals(27, v1.size());

            // submissions without the services behind them
            JsonNode wp = c.response("submitWorkPackage", 0, b64(new byte[] {1, 2}), List.of());
            assertEquals(RpcError.NOT_AVAILABLE, wp.get("error").get("code").asInt());
            assertTrue(wp.get("error").get("message").asText().contains("not available"));
            JsonNode pi = c.response("submitPreimage", services.first(), b64(new byte[] {1}), b64(head));
            assertEquals(RpcError.NOT_AVAILABLE, pi.get("error").get("code").asInt());

            // unsubscribing
            assertTrue(c.call("unsubscribeStatistics", stats).asBoolean());
            assertFalse(c.call("unsubscribeStatistics", stats).asBoolean());
        }
    }

    @Test
    void serviceValueAndItsSubscriptionReadStorage() throws Exception {
        // an initial state with one storage item of a known key (the traces' state keys hide their storage keys)
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/preimages");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header h = Header.decode(g, P);
        Hash.decode(g);
        List<KeyValue> state = new ArrayList<>(kvs(g));
        byte[] key = "jamboree".getBytes(StandardCharsets.UTF_8);
        byte[] value = "rpc test value".getBytes(StandardCharsets.UTF_8);
        state.add(new KeyValue(StateKey.storage(0, key), value));
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        imp.initialize(h, state, List.of());
        try (RpcNode n = new RpcNode(imp, new InetSocketAddress("127.0.0.1", 0), 1 << 20, 64, Optional::empty,
                Optional::empty, Optional::empty); WsClient c = new WsClient(n.url())) {
            assertEquals(b64(value), c.call("serviceValue", b64(h.hash(P)), 0, b64(key)).asText());
            String sub = c.call("subscribeServiceValue", 0, b64(key), true).asText();
            assertEquals(b64(value), c.notification(sub).get("params").get("result").asText());
            assertTrue(c.arrivals.indexOf("response") < c.arrivals.indexOf("notification " + sub),
                    "the subscription id comes before its first notification: " + c.arrivals);
            String data = c.call("subscribeServiceData", 0).asText();
            assertEquals(b64(map(state).get(StateKey.serviceAccount(0))), c.notification(data).get("params").get("result").asText());
            String pre = c.call("subscribeServicePreimage", 0, b64(new byte[32])).asText();
            assertTrue(c.notification(pre).get("params").get("result").isNull());
            String req = c.call("subscribeServiceRequest", 0, b64(new byte[32]), 3).asText();
            assertTrue(c.notification(req).get("params").get("result").isNull());
            assertEquals(4, n.subscriptions());
        }
    }

    /**
     * A block imported by the importer (as sync imports a peer's block; not authored here) reaches a best-block
     * subscriber through the importer's {@code BlockImportListener} event alone: while the RPC node is not bound to
     * the import events, an imported block is never notified (nothing polls the chain); bound again, the next import
     * is pushed at once.
     */
    @Test
    void importedBlocksArePushedWithoutPolling() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/preimages");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header h = Header.decode(g, P);
        Hash.decode(g);
        RpcEvents hub = new RpcEvents();
        ImportEvents events = new ImportEvents(hub);
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()), events);
        imp.initialize(h, kvs(g), List.of());
        try (RpcNode n = new RpcNode(imp, new InetSocketAddress("127.0.0.1", 0), 1 << 20, 64, Optional::empty,
                Optional::empty, Optional::empty); WsClient c = new WsClient(n.url())) {
            String sub = c.call("subscribeBestBlock").asText();
            assertEquals(b64(h.hash(P)), c.notification(sub).get("params").get("result").get("header_hash").asText());
            Block first = steps.get(0).block();
            assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(first)); // no listener bound: no event
            assertEquals(null, c.notification(sub, 1500), "no notification without an import event (no polling)");
            hub.register(n);
            Block second = steps.get(1).block();
            long t0 = System.nanoTime();
            assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(second));
            JsonNode next = c.notification(sub).get("params").get("result");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(b64(second.header().hash(P)), next.get("header_hash").asText());
            assertEquals(second.header().slot(), next.get("slot").asLong());
            assertTrue(ms < 10_000, "pushed after " + ms + " ms");
            hub.unregister(n);
        }
    }

    /**
     * Without import events, a subscriber hears of a new best block through the event that a block was authored; the dashboard's extension methods answer: no peers without a network, the authored block's
     * times, and the work report pending in the trace's ρ (its work-package hash in the trace's raw C(10) value).
     */
    @Test
    void subscriptionsArePushedOnEvents() throws Exception {
        Path dir = VectorsFolder.require("jam-test-vectors-0.7.2/traces/preimages");
        Decoder g = new Decoder(Files.readAllBytes(dir.resolve("genesis.bin")));
        Header h = Header.decode(g, P);
        Hash.decode(g);
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), new io.jamboree.accumulate.internal.PvmInvocationsComponent().accumulation(new InterpreterEngine()));
        imp.initialize(h, kvs(g), List.of());
        try (RpcNode n = new RpcNode(imp, new InetSocketAddress("127.0.0.1", 0), 1 << 20, 64, Optional::empty,
                Optional::empty, Optional::empty, NodeActivity.none()); WsClient c = new WsClient(n.url())) {
            String sub = c.call("subscribeBestBlock").asText();
            assertEquals(b64(h.hash(P)), c.notification(sub).get("params").get("result").get("header_hash").asText());
            Block first = steps.get(0).block();
            assertInstanceOf(ImportOutcome.Imported.class, imp.importBlock(first));
            long t0 = System.nanoTime();
            n.authored(first.header().slot(), 2_000_000, 3_500_000);
            JsonNode next = c.notification(sub).get("params").get("result");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(b64(first.header().hash(P)), next.get("header_hash").asText());
            assertTrue(ms < 10_000, "pushed after " + ms + " ms");
            assertEquals(0, c.call("jamboree_peers").size());
            JsonNode authored = c.call("jamboree_authored");
            assertEquals(1, authored.size());
            assertEquals(first.header().slot(), authored.get(0).get("slot").asLong());
            assertEquals(3.5, authored.get(0).get("import_ms").asDouble(), 1e-9);
            JsonNode reports = c.call("jamboree_workReports", b64(first.header().hash(P)));
            byte[] rho = map(steps.get(0).post()).get(StateKey.of(ChainQueries.PENDING_REPORTS));
            int pending = 0;
            for (JsonNode r : reports) {
                if (r.get("stage").asText().equals("guaranteed")) {
                    pending++;
                    byte[] hash = Base64.getDecoder().decode(r.get("package_hash").asText());
                    assertTrue(indexOf(rho, hash) > 0, "the package hash is in the trace's rho: " + r);
                    assertTrue(r.get("core").asInt() < P.coresCount(), r.toString());
                }
            }
            assertEquals(rho.length > P.coresCount() ? 1 : 0, pending, "reports: " + reports);
            assertTrue(c.call("jamboree_workReports", b64(new byte[32])).isNull(), "unknown block: null");
        }
    }

    private static int indexOf(byte[] in, byte[] part) {
        for (int i = 0; i + part.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void badRequestsGetJsonRpcErrors() throws Exception {
        try (WsClient c = new WsClient(node.url())) {
            assertEquals(RpcError.PARSE_ERROR, c.raw("{not json").get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_REQUEST, c.raw("{\"id\":1,\"method\":\"bestBlock\"}").get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_REQUEST, c.raw("[]").get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_REQUEST, c.raw("42").get("error").get("code").asInt());
            assertEquals(RpcError.METHOD_NOT_FOUND, c.response("noSuchMethod").get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_PARAMS, c.response("stateRoot", "AAEC").get("error").get("code").asInt(),
                    "a 3-byte hash");
            assertEquals(RpcError.INVALID_PARAMS, c.response("stateRoot", "not base64!").get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_PARAMS, c.response("stateRoot").get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_PARAMS, c.response("serviceData", b64(new byte[32]), -1).get("error").get("code").asInt());
            assertEquals(RpcError.INVALID_PARAMS,
                    c.raw("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"bestBlock\",\"params\":{}}").get("error").get("code").asInt());
            JsonNode batch = c.raw("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"parameters\"},"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
            assertEquals(2, batch.size());
            assertTrue(batch.get(0).has("result"));
            assertEquals(RpcError.METHOD_NOT_FOUND, batch.get(1).get("error").get("code").asInt());
            // the connection still works
            assertTrue(c.call("parameters").has("V1"));
        }
    }

    @Test
    void aSubscriberThatCannotTakeNotificationsIsDropped() throws Exception {
        ChainQueries chain = new ChainQueries(importer, Optional::empty);
        try (Subscriptions subs = new Subscriptions(chain, WsClient.MAPPER, 8)) {
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            RpcSession slow = new RpcSession() {
                @Override
                public boolean send(String text) {
                    sent.incrementAndGet();
                    return false; // the connection's buffer is full: it was closed
                }

                @Override
                public boolean open() {
                    return false;
                }
            };
            subs.subscribe("subscribeBestBlock", slow, false, ChainQueries.BlockRef::json);
            subs.started(slow);
            long end = System.currentTimeMillis() + 10_000;
            while (subs.count() > 0 && System.currentTimeMillis() < end) {
                Thread.sleep(10);
            }
            assertEquals(0, subs.count(), "the slow subscriber's subscription is gone");
            assertEquals(1, sent.get(), "one refused notification, no retry");
        }
    }

    @Test
    void everyJipMethodIsServed() {
        List<String> jip = List.of("parameters", "bestBlock", "subscribeBestBlock", "finalizedBlock",
                "subscribeFinalizedBlock", "parent", "stateRoot", "statistics", "subscribeStatistics", "serviceData",
                "subscribeServiceData", "serviceValue", "subscribeServiceValue", "servicePreimage",
                "subscribeServicePreimage", "serviceRequest", "subscribeServiceRequest", "beefyRoot",
                "submitWorkPackage", "submitPreimage", "listServices");
        for (String m : jip) {
            assertTrue(node.methods().contains(m), m);
            if (m.startsWith("subscribe")) {
                assertTrue(node.methods().contains("un" + m), "un" + m);
            }
        }
    }
}
