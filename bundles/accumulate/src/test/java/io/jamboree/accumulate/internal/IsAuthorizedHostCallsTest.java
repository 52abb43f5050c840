package io.jamboree.accumulate.internal;

import static io.jamboree.accumulate.internal.RefineFixture.P;
import static io.jamboree.accumulate.internal.RefineFixture.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PageAccess;
import io.jamboree.types.Hash;
import org.junit.jupiter.api.Test;

/** The Is-Authorized mutator F (GP 0.7.2 Appendix B.2, eq. isauthorizedmutator): gas and fetch only. */
class IsAuthorizedHostCallsTest {
    private static final long WHAT = -2, NONE = -1;

    private final Fixture.Vm vm = new Fixture.Vm();
    private final IsAuthorizedInvocation inv =
            new IsAuthorizedInvocation(FetchSources.isAuthorized(P, RefineFixture.pkg(new byte[0], Hash.ZERO, 0)));

    IsAuthorizedHostCallsTest() {
        vm.memory.setAccess(RW, 0x10000, PageAccess.WRITE);
        vm.gas = 1000;
    }

    @Test
    void gasAndFetchOfThePackage() {
        assertEquals(Outcome.CONTINUE, inv.onHostCall(Gas.INDEX, vm));
        assertEquals(990, vm.registers[7]);
        vm.registers[7] = RW;
        vm.registers[8] = 0;
        vm.registers[9] = 100;
        vm.registers[10] = 8;
        assertEquals(Outcome.CONTINUE, inv.onHostCall(Fetch.INDEX, vm));
        assertEquals(RefineFixture.CONFIG.length, vm.registers[7]);
        byte[] b = new byte[RefineFixture.CONFIG.length];
        vm.memory.peek(RW, b, 0, b.length);
        assertArrayEquals(RefineFixture.CONFIG, b);
        vm.registers[7] = RW;
        vm.registers[10] = 1;
        inv.onHostCall(Fetch.INDEX, vm);
        assertEquals(NONE, vm.registers[7], "no entropy in Is-Authorized");
        assertEquals(1000 - 3 * 10, vm.gas, "three calls");
    }

    @Test
    void everyOtherIndexIsWhatForTenGas() {
        for (long index : new long[] {2, 3, 6, 7, 8, 12, 13, 14, 100}) {
            vm.registers[7] = 5;
            long before = vm.gas;
            assertEquals(Outcome.CONTINUE, inv.onHostCall(index, vm));
            assertEquals(WHAT, vm.registers[7], "index " + index);
            assertEquals(before - 10, vm.gas);
        }
        vm.gas = 9;
        assertEquals(Outcome.OUT_OF_GAS, inv.onHostCall(Gas.INDEX, vm));
        vm.gas = 9;
        assertEquals(Outcome.OUT_OF_GAS, inv.onHostCall(77, vm));
    }
}
