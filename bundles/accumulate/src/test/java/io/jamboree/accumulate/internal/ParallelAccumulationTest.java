package io.jamboree.accumulate.internal;

import static io.jamboree.accumulate.internal.Fixture.P;
import static io.jamboree.accumulate.internal.Fixture.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.AccumulationOutput;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKey;
import io.jamboree.codec.Decoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge of Δ* (GP 0.7.2 §12.2, eq. 12.17): privileges with R, accounts (d ∪ n) \ m, preimages with I. */
class ParallelAccumulationTest {
    private static final long MANAGER = 1, ASSIGNER0 = 2, ASSIGNER1 = 3, DELEGATOR = 4, REGISTRAR = 5, PLAIN = 6;
    private final Fixture.Base base = new Fixture.Base();
    private final AccumulationContext ctx = new AccumulationContext(null, P, 50, Hash.ZERO);

    ParallelAccumulationTest() {
        for (long s = 1; s <= 6; s++) base.infos.put(s, Fixture.account(1000, 0, 0));
    }

    private PartialState round() {
        List<List<Hash>> queues = new ArrayList<>();
        for (int c = 0; c < P.coresCount(); c++) queues.add(Collections.nCopies(P.authQueueSize(), Hash.ZERO));
        return new PartialState(ServiceAccounts.over(base), List.of(), queues, MANAGER,
                new long[] {ASSIGNER0, ASSIGNER1}, DELEGATOR, REGISTRAR, Map.of());
    }

    private static AccumulationResult result(PartialState s) {
        return new AccumulationResult(s, List.of(), null, 0, Set.of());
    }

    @Test
    void rChoosesTheManagersChangeElseTheHolders() {
        assertEquals(9, ParallelAccumulation.choose(2, 9, 7), "manager changed it");
        assertEquals(7, ParallelAccumulation.choose(2, 2, 7), "manager left it, holder changed it");
        assertEquals(2, ParallelAccumulation.choose(2, 2, 2));
    }

    @Test
    void privilegesFollowManagerThenHolders() {
        PartialState e = round();
        Map<Long, AccumulationResult> results = new LinkedHashMap<>();
        PartialState m = e.child();
        m.manager = 11;
        m.assigners = new long[] {12, ASSIGNER1};
        m.alwaysAccumulate = Map.of(20L, 100L);
        results.put(MANAGER, result(m));
        PartialState a0 = e.child();
        a0.assigners = new long[] {13, ASSIGNER1};
        a0.authQueues = queuesWith(0, 5);
        results.put(ASSIGNER0, result(a0));
        PartialState a1 = e.child();
        a1.assigners = new long[] {ASSIGNER0, 14};
        a1.authQueues = queuesWith(1, 6);
        results.put(ASSIGNER1, result(a1));
        PartialState v = e.child();
        v.delegator = 15;
        byte[] keys = filled(336 * P.validatorsCount(), 8);
        Decoder d = new Decoder(keys);
        List<ValidatorKey> staging = new ArrayList<>();
        for (int i = 0; i < P.validatorsCount(); i++) staging.add(ValidatorKey.decode(d, P));
        v.stagingSet = staging;
        results.put(DELEGATOR, result(v));
        PartialState plain = e.child();
        plain.manager = 99;
        plain.registrar = 99;
        results.put(PLAIN, result(plain));

        ParallelAccumulation.mergePrivileges(ctx, e, results);
        assertEquals(11, e.manager);
        assertEquals(Map.of(20L, 100L), e.alwaysAccumulate);
        assertArrayEquals(new long[] {12, 14}, e.assigners, "core 0 by the manager, core 1 by its assigner");
        assertEquals(new Hash(filled(32, 5)), e.authQueues.get(0).get(0), "queue of core 0 from its assigner");
        assertEquals(new Hash(filled(32, 6)), e.authQueues.get(1).get(0));
        assertEquals(15, e.delegator);
        assertEquals(staging, e.stagingSet);
        assertEquals(REGISTRAR, e.registrar, "a plain service's changes count for nothing");
    }

    private static List<List<Hash>> queuesWith(int core, int fill) {
        List<List<Hash>> q = new ArrayList<>();
        for (int c = 0; c < P.coresCount(); c++) {
            q.add(Collections.nCopies(P.authQueueSize(), c == core ? new Hash(filled(32, fill)) : Hash.ZERO));
        }
        return q;
    }

    @Test
    void accountsKeepOwnNewAndRemoved() {
        PartialState e = round();
        StateKey otherItem = StateKey.storage(PLAIN, "x".getBytes());
        base.items.put(otherItem, "old".getBytes());
        Map<Long, AccumulationResult> results = new LinkedHashMap<>();
        PartialState a = e.child();
        a.accounts.putItem(StateKey.storage(MANAGER, "k".getBytes()), "v".getBytes());
        a.accounts.putInfo(MANAGER, Fixture.account(900, 1, 36));
        a.accounts.putInfo(70_000, Fixture.account(100, 2, 81));
        a.accounts.putItem(StateKey.request(70_000, filled(32, 1), 0), RequestStatus.encode());
        a.accounts.putInfo(PLAIN, Fixture.account(1, 0, 0));
        a.accounts.putItem(otherItem, "new".getBytes());
        a.accounts.removeAccount(DELEGATOR);
        results.put(MANAGER, result(a));

        ParallelAccumulation.mergeAccounts(e.accounts, results);
        assertEquals(900, e.accounts.info(MANAGER).balance());
        assertArrayEquals("v".getBytes(), e.accounts.item(StateKey.storage(MANAGER, "k".getBytes())));
        assertNotNull(e.accounts.info(70_000), "new account kept");
        assertNotNull(e.accounts.item(StateKey.request(70_000, filled(32, 1), 0)));
        assertEquals(1000, e.accounts.info(PLAIN).balance(), "changes to another existing account dropped");
        assertArrayEquals("old".getBytes(), e.accounts.item(otherItem));
        assertNull(e.accounts.info(DELEGATOR), "removed account");
    }

    @Test
    void providedPreimagesNeedAnOpenRequest() {
        PartialState e = round();
        byte[] wanted = "wanted".getBytes();
        byte[] stale = "stale".getBytes();
        base.items.put(StateKey.request(PLAIN, Blake2b256.hash(wanted), wanted.length), RequestStatus.encode());
        base.items.put(StateKey.request(PLAIN, Blake2b256.hash(stale), stale.length), RequestStatus.encode(3));
        ParallelAccumulation.integratePreimages(ctx, e.accounts, Set.of(new Provision(PLAIN, new Blob(wanted)),
                new Provision(PLAIN, new Blob(stale)), new Provision(12345, new Blob(wanted))));
        assertArrayEquals(new long[] {50},
                RequestStatus.decode(e.accounts.item(StateKey.request(PLAIN, Blake2b256.hash(wanted), wanted.length))));
        assertArrayEquals(wanted, e.accounts.item(StateKey.preimage(PLAIN, Blake2b256.hash(wanted))));
        assertNull(e.accounts.item(StateKey.preimage(PLAIN, Blake2b256.hash(stale))));
        assertNull(e.accounts.info(12345));
    }

    @Test
    void outputsSortByServiceThenHash() {
        Hash h1 = new Hash(filled(32, 1)), h2 = new Hash(filled(32, 2));
        List<AccumulationOutput> sorted = ParallelAccumulation.sorted(List.of(new AccumulationOutput(300, h1),
                new AccumulationOutput(2, h2), new AccumulationOutput(2, h1), new AccumulationOutput(2, h1)));
        assertEquals(List.of(new AccumulationOutput(2, h1), new AccumulationOutput(2, h2),
                new AccumulationOutput(300, h1)), sorted);
    }
}
