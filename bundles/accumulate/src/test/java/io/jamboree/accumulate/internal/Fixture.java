package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;
import io.jamboree.types.AccumulationInput;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A host-call test bench: a prior state held in maps, an accumulate invocation of service
 * {@link #SELF} over it, and a paused machine with RAM at {@link #RW} (read-write, 64 KiB) and
 * {@link #RO} (read-only, one page); everything else is inaccessible.
 */
final class Fixture {
    static final ChainParams P = ChainParams.tiny();
    static final long SELF = 1000;
    static final long OTHER = 2000;
    static final long RW = 0x10000;
    static final long RO = 0x30000;
    static final long SLOT = 100;
    static final Hash ENTROPY = new Hash(filled(32, 7));

    final Base base = new Base();
    final Vm vm = new Vm();
    AccumulateInvocation inv;

    Fixture() {
        base.infos.put(SELF, account(10_000, 0, 0));
        base.infos.put(OTHER, account(5_000, 0, 0));
        vm.memory.setAccess(RW, 0x10000, PageAccess.WRITE);
        vm.memory.setAccess(RO, 0x1000, PageAccess.READ);
        vm.gas = 1000;
    }

    static ServiceInfo account(long balance, long items, long bytes) {
        return new ServiceInfo(0, Hash.ZERO, balance, 10, 10, bytes, 0, items, 0, 0, 0);
    }

    /** Starts the invocation (after the prior state is set up). */
    Fixture start() {
        return start(List.of());
    }

    Fixture start(List<AccumulationInput> inputs) {
        ServiceAccounts accounts = ServiceAccounts.over(base).child();
        List<List<Hash>> queues = new ArrayList<>();
        for (int c = 0; c < P.coresCount(); c++) queues.add(Collections.nCopies(P.authQueueSize(), Hash.ZERO));
        PartialState e = new PartialState(accounts, List.of(), queues, 0, new long[P.coresCount()], 0, 0, Map.of());
        Implications x = new Implications(SELF, e, AccumulateInvocation.nextFreeId(P, accounts, SELF, ENTROPY, SLOT),
                new ArrayList<>(), null, new LinkedHashSet<>());
        inv = new AccumulateInvocation(P, SLOT, ENTROPY, inputs, x);
        return this;
    }

    /** Sets ω_7, ω_8, … to the given values. */
    Fixture regs(long... values) {
        System.arraycopy(values, 0, vm.registers, 7, values.length);
        return this;
    }

    Outcome call(long index) {
        return inv.onHostCall(index, vm);
    }

    long r7() {
        return vm.registers[7];
    }

    void poke(long address, byte[] data) {
        vm.memory.poke(address, data, 0, data.length);
    }

    byte[] peek(long address, int len) {
        byte[] b = new byte[len];
        vm.memory.peek(address, b, 0, len);
        return b;
    }

    ServiceInfo self() {
        return inv.x.self();
    }

    static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    /** The prior state. */
    static final class Base implements ServiceState {
        final Map<Long, ServiceInfo> infos = new HashMap<>();
        final TreeMap<StateKey, byte[]> items = new TreeMap<>();

        @Override
        public Optional<ServiceInfo> info(long serviceId) {
            return Optional.ofNullable(infos.get(serviceId));
        }

        @Override
        public Optional<byte[]> item(StateKey key) {
            byte[] v = items.get(key);
            return v == null ? Optional.empty() : Optional.of(v.clone());
        }

        @Override
        public void forEachItem(long serviceId, BiConsumer<StateKey, byte[]> action) {
            items.forEach((k, v) -> {
                if (ServiceAccounts.serviceOf(k) == serviceId) action.accept(k, v.clone());
            });
        }
    }

    /** A machine paused at a host call. */
    static final class Vm implements PvmInstance {
        final long[] registers = new long[13];
        final Memory memory = new Memory();
        long gas;

        @Override
        public PvmProgram program() {
            return null;
        }

        @Override
        public long[] registers() {
            return registers;
        }

        @Override
        public int pc() {
            return 0;
        }

        @Override
        public void setPc(int pc) {}

        @Override
        public long gas() {
            return gas;
        }

        @Override
        public void setGas(long gas) {
            this.gas = gas;
        }

        @Override
        public Memory memory() {
            return memory;
        }

        @Override
        public ExitReason run() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resumeAfterHostCall() {}
    }
}
