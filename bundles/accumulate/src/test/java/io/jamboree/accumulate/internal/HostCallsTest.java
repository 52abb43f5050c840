package io.jamboree.accumulate.internal;

import static io.jamboree.accumulate.internal.Fixture.OTHER;
import static io.jamboree.accumulate.internal.Fixture.P;
import static io.jamboree.accumulate.internal.Fixture.RO;
import static io.jamboree.accumulate.internal.Fixture.RW;
import static io.jamboree.accumulate.internal.Fixture.SELF;
import static io.jamboree.accumulate.internal.Fixture.SLOT;
import static io.jamboree.accumulate.internal.Fixture.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.types.Blob;
import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each accumulate host call against its definition (GP 0.7.2 Appendix B.5 and B.7, JIP-1): result
 * codes, gas charged and the effect on the implications x and y.
 */
class HostCallsTest {
    private static final long OK = 0, NONE = -1, WHAT = -2, WHO = -4, FULL = -5, CORE = -6, CASH = -7, LOW = -8,
            HUH = -9;
    private static final long INACCESSIBLE = 0x50000;

    // ---------------------------------------------------------------- common rules

    @Test
    void everyHostCallCostsTenGasAndRunsOutBelowThat() {
        Fixture f = new Fixture().start();
        f.vm.gas = 9;
        assertEquals(Outcome.OUT_OF_GAS, f.call(Gas.INDEX));
        Fixture g = new Fixture().start();
        assertEquals(Outcome.CONTINUE, g.call(Gas.INDEX));
        assertEquals(990, g.vm.gas);
    }

    @Test
    void unknownHostCallIsWhatForTenGas() {
        Fixture f = new Fixture().start();
        f.regs(5);
        assertEquals(Outcome.CONTINUE, f.call(77));
        assertEquals(WHAT, f.r7());
        assertEquals(990, f.vm.gas);
        f.regs(5);
        f.call(0xFFFF_FFFF_0000_0005L);
        assertEquals(WHAT, f.r7(), "a sign-extended ecalli immediate is no known index");
    }

    // ---------------------------------------------------------------- general functions (B.5)

    @Test
    void gasReturnsTheRemainingGas() {
        Fixture f = new Fixture().start();
        f.call(Gas.INDEX);
        assertEquals(990, f.r7());
    }

    @Test
    void fetchConstantsEntropyAndInputs() {
        Fixture f = new Fixture().start();
        f.regs(RW, 0, 1000, 0);
        assertEquals(Outcome.CONTINUE, f.call(Fetch.INDEX));
        assertEquals(134, f.r7());
        assertArrayEquals(P.encodeConstants(), f.peek(RW, 134));
        f.regs(RW, 8, 4, 1);
        f.call(Fetch.INDEX);
        assertEquals(32, f.r7());
        assertArrayEquals(Arrays.copyOfRange(Fixture.ENTROPY.bytes(), 8, 12), f.peek(RW, 4));
        f.regs(RW, 0, 100, 14);
        f.call(Fetch.INDEX);
        assertEquals(1, f.r7(), "E(↕i) of no inputs is one octet");
        f.regs(RW, 0, 100, 2);
        f.call(Fetch.INDEX);
        assertEquals(NONE, f.r7());
        f.regs(RO, 0, 100, 1);
        assertEquals(Outcome.PANIC, f.call(Fetch.INDEX), "output range not writable");
        f.regs(RO, 0, 0, 1);
        assertEquals(Outcome.CONTINUE, f.call(Fetch.INDEX), "an empty range is always writable");
    }

    @Test
    void lookupPreimageOfSelfAndOthers() {
        Fixture f = new Fixture();
        byte[] blob = "hello preimage".getBytes();
        byte[] h = Blake2b256.hash(blob);
        f.base.items.put(StateKey.preimage(OTHER, h), blob);
        f.start();
        f.poke(RW, h);
        f.regs(OTHER, RW, RW + 100, 6, 100);
        assertEquals(Outcome.CONTINUE, f.call(Lookup.INDEX));
        assertEquals(blob.length, f.r7());
        assertArrayEquals(Arrays.copyOfRange(blob, 6, blob.length), f.peek(RW + 100, blob.length - 6));
        f.regs(-1L, RW, RW + 100, 0, 100);
        f.call(Lookup.INDEX);
        assertEquals(NONE, f.r7(), "not a preimage of the service itself");
        f.regs(OTHER, INACCESSIBLE, RW, 0, 100);
        assertEquals(Outcome.PANIC, f.call(Lookup.INDEX));
    }

    @Test
    void readStorage() {
        Fixture f = new Fixture();
        f.base.items.put(StateKey.storage(SELF, "k".getBytes()), "value".getBytes());
        f.start();
        f.poke(RW, "k".getBytes());
        f.regs(-1L, RW, 1, RW + 64, 0, 64);
        f.call(Read.INDEX);
        assertEquals(5, f.r7());
        assertArrayEquals("value".getBytes(), f.peek(RW + 64, 5));
        f.regs(OTHER, RW, 1, RW + 64, 0, 64);
        f.call(Read.INDEX);
        assertEquals(NONE, f.r7());
        f.regs(-1L, INACCESSIBLE, 1, RW + 64, 0, 64);
        assertEquals(Outcome.PANIC, f.call(Read.INDEX));
    }

    @Test
    void writeUpdatesStorageAndFootprint() {
        Fixture f = new Fixture().start();
        f.poke(RW, "key".getBytes());
        f.poke(RW + 16, "val!".getBytes());
        f.regs(RW, 3, RW + 16, 4);
        f.call(Write.INDEX);
        assertEquals(NONE, f.r7(), "no previous value");
        assertEquals(1, f.self().items());
        assertEquals(34 + 3 + 4, f.self().bytes());
        f.regs(RW, 3, RW + 16, 2);
        f.call(Write.INDEX);
        assertEquals(4, f.r7(), "previous length");
        assertEquals(34 + 3 + 2, f.self().bytes());
        f.regs(RW, 3, 0, 0);
        f.call(Write.INDEX);
        assertEquals(2, f.r7());
        assertEquals(0, f.self().items());
        assertEquals(0, f.self().bytes());
        assertNull(f.inv.item(StateKey.storage(SELF, "key".getBytes())));
        f.regs(RW, 3, INACCESSIBLE, 4);
        assertEquals(Outcome.PANIC, f.call(Write.INDEX));
    }

    @Test
    void writeAtTheThresholdBoundary() {
        // 3-octet key, 4-octet value: a_i = 1, a_o = 34 + 3 + 4, a_t = B_S + B_I + 41 = 151 (tiny).
        Fixture ok = new Fixture();
        ok.base.infos.put(SELF, Fixture.account(151, 0, 0));
        ok.start();
        ok.regs(RW, 3, RW + 16, 4);
        ok.call(Write.INDEX);
        assertEquals(NONE, ok.r7());
        Fixture full = new Fixture();
        full.base.infos.put(SELF, Fixture.account(150, 0, 0));
        full.start();
        full.regs(RW, 3, RW + 16, 4);
        full.call(Write.INDEX);
        assertEquals(FULL, full.r7());
    }

    @Test
    void writeFullLeavesTheAccountUnchanged() {
        Fixture f = new Fixture();
        f.base.infos.put(SELF, Fixture.account(150, 0, 0));
        f.start();
        f.regs(RW, 3, RW + 16, 100);
        f.call(Write.INDEX);
        assertEquals(FULL, f.r7());
        assertEquals(0, f.self().items());
        assertNull(f.inv.item(StateKey.storage(SELF, new byte[3])));
    }

    @Test
    void infoEncodesTheAccount() {
        Fixture f = new Fixture().start();
        f.regs(-1L, RW, 0, 1000);
        f.call(Info.INDEX);
        assertEquals(96, f.r7());
        byte[] v = f.peek(RW, 96);
        assertEquals(10_000, Bless.le(v, 32, 8), "balance");
        assertEquals(100, Bless.le(v, 40, 8), "threshold B_S");
        f.regs(12345, RW, 0, 1000);
        f.call(Info.INDEX);
        assertEquals(NONE, f.r7());
    }

    // ---------------------------------------------------------------- accumulate functions (B.7)

    @Test
    void blessSetsPrivilegesInTheOwnState() {
        Fixture f = new Fixture().start();
        byte[] a = new byte[4 * P.coresCount()];
        a[0] = 7;
        a[4] = 8;
        f.poke(RW, a);
        byte[] z = new byte[12];
        z[0] = 9;
        z[4] = 50;
        f.poke(RW + 64, z);
        f.regs(1, RW, 2, 3, RW + 64, 1);
        f.call(Bless.INDEX);
        assertEquals(OK, f.r7());
        PartialState s = f.inv.x.state;
        assertEquals(1, s.manager);
        assertArrayEquals(new long[] {7, 8}, s.assigners);
        assertEquals(2, s.delegator);
        assertEquals(3, s.registrar);
        assertEquals(50L, s.alwaysAccumulate.get(9L));
        f.regs(1L << 32, RW, 2, 3, RW + 64, 1);
        f.call(Bless.INDEX);
        assertEquals(WHO, f.r7());
        f.regs(1, INACCESSIBLE, 2, 3, RW + 64, 1);
        assertEquals(Outcome.PANIC, f.call(Bless.INDEX));
    }

    @Test
    void assignChecksCoreAndAssigner() {
        Fixture f = new Fixture().start();
        f.poke(RW, filled(32 * P.authQueueSize(), 3));
        f.regs(P.coresCount(), RW, OTHER);
        f.call(Assign.INDEX);
        assertEquals(CORE, f.r7());
        f.regs(0, RW, OTHER);
        f.call(Assign.INDEX);
        assertEquals(HUH, f.r7(), "caller is not the assigner of core 0");
        f.inv.x.state.assigners = new long[] {SELF, 0};
        f.regs(0, RW, 1L << 32);
        f.call(Assign.INDEX);
        assertEquals(WHO, f.r7());
        f.regs(0, RW, OTHER);
        f.call(Assign.INDEX);
        assertEquals(OK, f.r7());
        assertEquals(new Hash(filled(32, 3)), f.inv.x.state.authQueues.get(0).get(0));
        assertEquals(OTHER, f.inv.x.state.assigners[0]);
        f.regs(0, INACCESSIBLE, OTHER);
        assertEquals(Outcome.PANIC, f.call(Assign.INDEX));
    }

    @Test
    void designateOnlyByTheDelegator() {
        Fixture f = new Fixture().start();
        f.poke(RW, filled(336 * P.validatorsCount(), 1));
        f.regs(RW);
        f.call(Designate.INDEX);
        assertEquals(HUH, f.r7());
        f.inv.x.state.delegator = SELF;
        f.regs(RW);
        f.call(Designate.INDEX);
        assertEquals(OK, f.r7());
        assertEquals(P.validatorsCount(), f.inv.x.state.stagingSet.size());
        f.regs(INACCESSIBLE);
        assertEquals(Outcome.PANIC, f.call(Designate.INDEX));
    }

    @Test
    void checkpointCopiesXToYAndReturnsGas() {
        Fixture f = new Fixture().start();
        f.poke(RW, "k".getBytes());
        f.regs(RW, 1, RW, 1);
        f.call(Write.INDEX);
        f.call(Checkpoint.INDEX);
        assertEquals(980, f.r7());
        assertEquals(1, f.inv.y.self().items());
        f.regs(RW, 1, 0, 0);
        f.call(Write.INDEX);
        assertEquals(0, f.inv.x.self().items());
        assertEquals(1, f.inv.y.self().items(), "y is independent of x");
    }

    @Test
    void newCreatesAServiceFundedByTheCaller() {
        Fixture f = new Fixture().start();
        byte[] code = filled(32, 0x42);
        f.poke(RW, code);
        long expectedId = f.inv.x.nextFreeId;
        f.regs(RW, 1000, 5, 6, 0, 0);
        f.call(NewService.INDEX);
        assertEquals(expectedId, f.r7());
        ServiceInfo a = f.inv.account(expectedId);
        long threshold = 100 + 10 * 2 + 81 + 1000;
        assertEquals(threshold, a.balance());
        assertEquals(2, a.items());
        assertEquals(81 + 1000, a.bytes());
        assertEquals(SELF, a.parentService());
        assertEquals(SLOT, a.creationSlot());
        assertArrayEquals(new long[0], RequestStatus.decode(f.inv.item(StateKey.request(expectedId, code, 1000))));
        assertEquals(10_000 - threshold, f.self().balance());
        assertTrue(f.inv.x.nextFreeId != expectedId);
        f.regs(RW, 1000, 5, 6, 1, 0);
        f.call(NewService.INDEX);
        assertEquals(HUH, f.r7(), "gratis offset without being the manager");
        f.regs(RW, 100_000, 5, 6, 0, 0);
        f.call(NewService.INDEX);
        assertEquals(CASH, f.r7());
        f.regs(INACCESSIBLE, 1000, 5, 6, 0, 0);
        assertEquals(Outcome.PANIC, f.call(NewService.INDEX));
    }

    @Test
    void newByTheRegistrarMayChooseAProtectedId() {
        Fixture f = new Fixture().start();
        f.inv.x.state.registrar = SELF;
        f.regs(RW, 10, 0, 0, 0, 77);
        f.call(NewService.INDEX);
        assertEquals(77, f.r7());
        f.regs(RW, 10, 0, 0, 0, 77);
        f.call(NewService.INDEX);
        assertEquals(FULL, f.r7(), "protected id taken");
    }

    @Test
    void upgradeSetsCodeAndGas() {
        Fixture f = new Fixture().start();
        f.poke(RW, filled(32, 9));
        f.regs(RW, 11, 12);
        f.call(Upgrade.INDEX);
        assertEquals(OK, f.r7());
        assertEquals(new Hash(filled(32, 9)), f.self().codeHash());
        assertEquals(11, f.self().minItemGas());
        assertEquals(12, f.self().minMemoGas());
    }

    @Test
    void transferCostsTenPlusItsGasOnSuccess() {
        Fixture f = new Fixture().start();
        f.regs(12345, 10, 100, RW);
        f.call(Transfer.INDEX);
        assertEquals(WHO, f.r7());
        assertEquals(990, f.vm.gas);
        f.regs(OTHER, 10, 5, RW);
        f.call(Transfer.INDEX);
        assertEquals(LOW, f.r7());
        f.regs(OTHER, 9_950, 100, RW);
        f.call(Transfer.INDEX);
        assertEquals(CASH, f.r7(), "would fall below the threshold of 100");
        f.regs(OTHER, 500, 100, RW);
        f.vm.gas = 1000;
        f.call(Transfer.INDEX);
        assertEquals(OK, f.r7());
        assertEquals(1000 - 10 - 100, f.vm.gas);
        assertEquals(9_500, f.self().balance());
        DeferredTransfer t = f.inv.x.transfers.get(0);
        assertEquals(new DeferredTransfer(SELF, OTHER, 500, new Blob(new byte[128]), 100), t);
        f.vm.gas = 50;
        f.regs(OTHER, 500, 100, RW);
        assertEquals(Outcome.OUT_OF_GAS, f.call(Transfer.INDEX));
        f.vm.gas = 1000;
        f.regs(OTHER, 500, 100, INACCESSIBLE);
        assertEquals(Outcome.PANIC, f.call(Transfer.INDEX));
    }

    @Test
    void ejectRemovesAnExpiredChildService() {
        Fixture f = new Fixture();
        byte[] h = filled(32, 5);
        long len = 200;
        f.base.infos.put(OTHER, new ServiceInfo(0, new Hash(Eject.codeHashOf(SELF)), 777, 0, 0, 81 + len, 0, 2, 0, 0,
                SELF));
        f.base.items.put(StateKey.request(OTHER, h, len), RequestStatus.encode(1, 2));
        f.start();
        f.poke(RW, h);
        f.regs(SELF, RW);
        f.call(Eject.INDEX);
        assertEquals(WHO, f.r7(), "cannot eject itself");
        f.regs(OTHER, RW);
        f.call(Eject.INDEX);
        assertEquals(OK, f.r7());
        assertNull(f.inv.account(OTHER));
        assertEquals(10_000 + 777, f.self().balance());
        assertNull(f.inv.item(StateKey.request(OTHER, h, len)));
    }

    @Test
    void ejectNeedsTheCodeHashAndAnExpiredRequest() {
        Fixture f = new Fixture();
        byte[] h = filled(32, 5);
        f.base.infos.put(OTHER, new ServiceInfo(0, new Hash(Eject.codeHashOf(SELF)), 777, 0, 0, 81 + 200, 0, 2, 0, 0,
                SELF));
        f.base.items.put(StateKey.request(OTHER, h, 200), RequestStatus.encode(1, SLOT - P.preimageExpungePeriod()));
        f.base.infos.put(3000L, Fixture.account(1, 2, 281));
        f.start();
        f.poke(RW, h);
        f.regs(OTHER, RW);
        f.call(Eject.INDEX);
        assertEquals(HUH, f.r7(), "unavailable since t − D: not yet expired");
        f.regs(3000, RW);
        f.call(Eject.INDEX);
        assertEquals(WHO, f.r7(), "code hash is not E_32(caller)");
    }

    @Test
    void queryEncodesTheRequestStatus() {
        Fixture f = new Fixture();
        byte[] h = filled(32, 5);
        f.base.items.put(StateKey.request(SELF, h, 10), RequestStatus.encode());
        f.base.items.put(StateKey.request(SELF, h, 11), RequestStatus.encode(3));
        f.base.items.put(StateKey.request(SELF, h, 12), RequestStatus.encode(3, 4));
        f.base.items.put(StateKey.request(SELF, h, 13), RequestStatus.encode(3, 4, 5));
        f.start();
        f.poke(RW, h);
        f.regs(RW, 9);
        f.call(Query.INDEX);
        assertEquals(NONE, f.r7());
        assertEquals(0, f.vm.registers[8]);
        f.regs(RW, 10);
        f.call(Query.INDEX);
        assertEquals(0, f.r7());
        f.regs(RW, 11);
        f.call(Query.INDEX);
        assertEquals(1 + (3L << 32), f.r7());
        f.regs(RW, 12);
        f.call(Query.INDEX);
        assertEquals(2 + (3L << 32), f.r7());
        assertEquals(4, f.vm.registers[8]);
        f.regs(RW, 13);
        f.call(Query.INDEX);
        assertEquals(3 + (3L << 32), f.r7());
        assertEquals(4 + (5L << 32), f.vm.registers[8]);
    }

    @Test
    void solicitRequestsAndReRequests() {
        Fixture f = new Fixture();
        byte[] h = filled(32, 5);
        f.base.items.put(StateKey.request(SELF, h, 20), RequestStatus.encode(1, 2));
        f.base.infos.put(SELF, Fixture.account(10_000, 2, 81 + 20));
        f.start();
        f.poke(RW, h);
        f.regs(RW, 10);
        f.call(Solicit.INDEX);
        assertEquals(OK, f.r7());
        assertEquals(4, f.self().items());
        assertEquals(81 + 20 + 81 + 10, f.self().bytes());
        f.regs(RW, 10);
        f.call(Solicit.INDEX);
        assertEquals(HUH, f.r7(), "already requested");
        f.regs(RW, 20);
        f.call(Solicit.INDEX);
        assertEquals(OK, f.r7());
        assertArrayEquals(new long[] {1, 2, SLOT}, RequestStatus.decode(f.inv.item(StateKey.request(SELF, h, 20))));
        f.regs(RW, 1_000_000);
        f.call(Solicit.INDEX);
        assertEquals(FULL, f.r7());
    }

    /**
     * Ω_S with a length z of 2^32 or more (GP 0.7.2 Appendix B.7, solicit; §9.3 eq. 9.8 {@code eq:deposits}): the
     * new request adds 81 + z octets to a_o, so a_t exceeds the balance and the answer is FULL, not HUH, and nothing
     * changes. The conformance fuzz report 1768066437_3920 (step 12) solicits with z = 2^64 − 5 and its service
     * stores a value that depends on this answer. Only when the gratis offset covers even that footprint is the
     * answer HUH: a request of a length outside N_L cannot be recorded (eq. 9.3, a_l ∈ (H, N_L) → …).
     */
    @Test
    void solicitWithALengthBeyondNLIsFullWhenTheThresholdExceedsTheBalance() {
        byte[] h = filled(32, 5);
        for (long z : new long[] {-5L, 1L << 32, Long.MAX_VALUE, -1L}) {
            Fixture f = new Fixture();
            f.base.infos.put(SELF, Fixture.account(10_000, 2, 81 + 20));
            f.start();
            f.poke(RW, h);
            f.regs(RW, z);
            assertEquals(Outcome.CONTINUE, f.call(Solicit.INDEX));
            assertEquals(FULL, f.r7(), "z = " + Long.toUnsignedString(z));
            assertEquals(990, f.vm.gas);
            assertEquals(2, f.self().items(), "a_i unchanged");
            assertEquals(81 + 20, f.self().bytes(), "a_o unchanged");
        }
        // a gratis offset a_f = 2^64 − 1 covers any footprint: the largest length in N_L is recorded, 2^32 is not
        Fixture f = new Fixture();
        f.base.infos.put(SELF, new ServiceInfo(0, Hash.ZERO, 10_000, 10, 10, 0, -1L, 0, 0, 0, 0));
        f.start();
        f.poke(RW, h);
        f.regs(RW, 0xFFFF_FFFFL);
        f.call(Solicit.INDEX);
        assertEquals(OK, f.r7());
        assertArrayEquals(RequestStatus.encode(), f.inv.item(StateKey.request(SELF, h, 0xFFFF_FFFFL)));
        assertEquals(81 + 0xFFFF_FFFFL, f.self().bytes());
        f.regs(RW, 1L << 32);
        f.call(Solicit.INDEX);
        assertEquals(HUH, f.r7());
        assertEquals(2, f.self().items(), "only the first request was recorded");
    }

    @Test
    void forgetFollowsTheRequestStatus() {
        Fixture f = new Fixture();
        byte[] h = filled(32, 5);
        f.base.items.put(StateKey.request(SELF, h, 10), RequestStatus.encode());
        f.base.items.put(StateKey.request(SELF, h, 11), RequestStatus.encode(3));
        f.base.items.put(StateKey.request(SELF, h, 12), RequestStatus.encode(3, SLOT - 1));
        f.base.items.put(StateKey.preimage(SELF, h), new byte[10]);
        f.base.infos.put(SELF, Fixture.account(10_000, 6, 3 * 81 + 33));
        f.start();
        f.poke(RW, h);
        f.regs(RW, 10);
        f.call(Forget.INDEX);
        assertEquals(OK, f.r7());
        assertNull(f.inv.item(StateKey.request(SELF, h, 10)));
        assertNull(f.inv.item(StateKey.preimage(SELF, h)));
        assertEquals(4, f.self().items());
        f.regs(RW, 11);
        f.call(Forget.INDEX);
        assertEquals(OK, f.r7());
        assertArrayEquals(new long[] {3, SLOT}, RequestStatus.decode(f.inv.item(StateKey.request(SELF, h, 11))));
        f.regs(RW, 12);
        f.call(Forget.INDEX);
        assertEquals(HUH, f.r7(), "unavailable too recently");
        f.regs(RW, 13);
        f.call(Forget.INDEX);
        assertEquals(HUH, f.r7(), "no such request");
    }

    @Test
    void yieldSetsTheOutput() {
        Fixture f = new Fixture().start();
        f.poke(RW, filled(32, 4));
        f.regs(RW);
        f.call(Yield.INDEX);
        assertEquals(OK, f.r7());
        assertEquals(new Hash(filled(32, 4)), f.inv.x.yield);
        f.regs(INACCESSIBLE);
        assertEquals(Outcome.PANIC, f.call(Yield.INDEX));
    }

    @Test
    void provideNeedsAnEmptyRequest() {
        Fixture f = new Fixture();
        byte[] blob = "data".getBytes();
        f.base.items.put(StateKey.request(OTHER, Blake2b256.hash(blob), blob.length), RequestStatus.encode());
        f.start();
        f.poke(RW, blob);
        f.regs(12345, RW, blob.length);
        f.call(Provide.INDEX);
        assertEquals(WHO, f.r7());
        f.regs(-1L, RW, blob.length);
        f.call(Provide.INDEX);
        assertEquals(HUH, f.r7(), "the caller did not request it");
        f.regs(OTHER, RW, blob.length);
        f.call(Provide.INDEX);
        assertEquals(OK, f.r7());
        assertTrue(f.inv.x.provisions.contains(new Provision(OTHER, new Blob(blob))));
        f.regs(OTHER, RW, blob.length);
        f.call(Provide.INDEX);
        assertEquals(HUH, f.r7(), "already provided");
    }

    @Test
    void logReturnsWhatForTenGas() {
        Fixture f = new Fixture().start();
        f.poke(RW, "hi".getBytes());
        f.regs(2, 0, 0, RW, 2);
        assertEquals(Outcome.CONTINUE, f.call(Log.INDEX));
        assertEquals(WHAT, f.r7());
        assertEquals(990, f.vm.gas);
    }
}
