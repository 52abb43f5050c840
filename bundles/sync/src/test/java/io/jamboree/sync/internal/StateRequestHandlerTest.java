package io.jamboree.sync.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.codec.Decoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.sync.internal.protocol.StateRequest;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CE 129 responses on a published state (the pre-state of jam-test-vectors-0.7.2/traces/fallback/00000001.bin): the
 * range is inclusive at both ends, sorted, cut at the maximum size but never below one pair, and the boundary nodes
 * start at the published state root.
 */
class StateRequestHandlerTest {
    private static Hash root;

    private static List<KeyValue> state() throws IOException {
        byte[] f = Files.readAllBytes(VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback").resolve("00000001.bin"));
        Decoder d = new Decoder(f);
        root = Hash.decode(d);
        int n = d.length(StateKey.LENGTH + 1, "keyvals");
        List<KeyValue> kvs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            kvs.add(new KeyValue(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value")));
        }
        kvs.sort((a, b) -> a.key().compareTo(b.key()));
        return kvs;
    }

    @Test
    void inclusiveRangeUnderThePublishedRoot() throws IOException {
        List<KeyValue> s = state();
        assertTrue(s.size() > 12);
        StateRequest r = new StateRequest(Hash.ZERO, s.get(2).key().bytes(), s.get(10).key().bytes(), 1 << 20);
        StateRequestHandler.Response resp = StateRequestHandler.respond(s, r);
        assertEquals(s.subList(2, 11), resp.pairs());
        assertArrayEquals(root.bytes(), Blake2b256.hash(resp.nodes().get(0)));
    }

    @Test
    void aTinyMaximumStillGivesOnePair() throws IOException {
        List<KeyValue> s = state();
        byte[] start = new byte[31];
        byte[] end = new byte[31];
        java.util.Arrays.fill(end, (byte) 0xff);
        StateRequestHandler.Response resp = StateRequestHandler.respond(s, new StateRequest(Hash.ZERO, start, end, 1));
        assertEquals(List.of(s.get(0)), resp.pairs());
        // a maximum that holds a few pairs: the response (pairs and nodes) stays within it
        StateRequestHandler.Response some = StateRequestHandler.respond(s, new StateRequest(Hash.ZERO, start, end, 2000));
        long size = 64L * some.nodes().size();
        for (KeyValue kv : some.pairs()) {
            size += 31 + (kv.value().length < 128 ? 1 : kv.value().length < 16384 ? 2 : 4) + kv.value().length;
        }
        assertTrue(some.pairs().size() >= 1 && some.pairs().size() < s.size());
        assertTrue(some.pairs().size() == 1 || size <= 2000, "size " + size);
        assertEquals(s.subList(0, some.pairs().size()), some.pairs());
    }
}
