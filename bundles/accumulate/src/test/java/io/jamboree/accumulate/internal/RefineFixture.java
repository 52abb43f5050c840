package io.jamboree.accumulate.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.HostCallHandler.Outcome;
import io.jamboree.pvm.PageAccess;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Blob;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.ImportSpec;
import io.jamboree.types.RefineContext;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.List;

/** A refine context (GP 0.7.2 B.3) around a machine paused at a host call, over a hand-made prior state. */
final class RefineFixture {
    static final ChainParams P = Fixture.P;
    static final long SELF = Fixture.SELF;
    static final long OTHER = Fixture.OTHER;
    static final long RW = Fixture.RW;
    static final long RO = Fixture.RO;
    /** (p_c)_t, the lookup-anchor slot. */
    static final long ANCHOR = 500;
    static final byte[] TOKEN = "token".getBytes();
    static final byte[] CONFIG = "config".getBytes();
    static final byte[] TRACE = "trace".getBytes();
    static final byte[] PAYLOAD0 = "payload zero".getBytes();
    static final List<List<byte[]>> IMPORTS = List.of(List.of(Fixture.filled(4104, 1), Fixture.filled(4104, 2)),
            List.of(Fixture.filled(4104, 3)));
    static final List<List<byte[]>> EXTRINSICS = List.of(List.of("x00".getBytes()), List.of("x10".getBytes(),
            "x11".getBytes()));

    final Fixture.Base base = new Fixture.Base();
    final Fixture.Vm vm = new Fixture.Vm();
    RefineInvocation inv;

    RefineFixture() {
        base.infos.put(SELF, Fixture.account(10_000, 0, 0));
        base.infos.put(OTHER, Fixture.account(5_000, 0, 0));
        vm.memory.setAccess(RW, 0x10000, PageAccess.WRITE);
        vm.memory.setAccess(RO, 0x1000, PageAccess.READ);
        vm.gas = 1000;
    }

    static WorkPackage pkg(byte[] payload0, Hash code0, int exportCount0) {
        RefineContext ctx = new RefineContext(new Hash(Fixture.filled(32, 1)), new Hash(Fixture.filled(32, 2)),
                new Hash(Fixture.filled(32, 3)), new Hash(Fixture.filled(32, 4)), ANCHOR, List.of());
        WorkItem w0 = new WorkItem(SELF, code0, 100_000, 200, exportCount0, new Blob(payload0),
                List.of(new ImportSpec(Hash.ZERO, 0), new ImportSpec(Hash.ZERO, 1)),
                List.of(new ExtrinsicSpec(new Hash(Blake2b256.hash("x00".getBytes())), 3)));
        WorkItem w1 = new WorkItem(OTHER, Hash.ZERO, 7, 8, 0, new Blob(new byte[] {9}),
                List.of(new ImportSpec(Hash.ZERO, 2)), List.of());
        return new WorkPackage(SELF, new Hash(Fixture.filled(32, 5)), ctx, new Blob(TOKEN), new Blob(CONFIG),
                List.of(w0, w1));
    }

    /** Puts preimage {@code blob} of {@code service} with request status {@code slots}; returns its hash. */
    byte[] preimage(long service, byte[] blob, long... slots) {
        byte[] h = Blake2b256.hash(blob);
        base.items.put(StateKey.preimage(service, h), blob);
        base.items.put(StateKey.request(service, h, blob.length), RequestStatus.encode(slots));
        return h;
    }

    RefineFixture start() {
        return start(0);
    }

    /** Starts refining item 0 with export offset ς. */
    RefineFixture start(long exportOffset) {
        return start(exportOffset, new InterpreterEngine());
    }

    RefineFixture start(long exportOffset, io.jamboree.pvm.PvmEngine engine) {
        FetchSources src = new FetchSources(P, pkg(PAYLOAD0, Hash.ZERO, 0), new byte[32], TRACE, 0, IMPORTS,
                EXTRINSICS, null);
        inv = new RefineInvocation(engine, P, base, SELF, ANCHOR, exportOffset, src);
        return this;
    }

    RefineFixture regs(long... values) {
        System.arraycopy(values, 0, vm.registers, 7, values.length);
        return this;
    }

    Outcome call(long index) {
        return inv.onHostCall(index, vm);
    }

    long r(int i) {
        return vm.registers[i];
    }

    void poke(long address, byte[] data) {
        vm.memory.poke(address, data, 0, data.length);
    }

    byte[] peek(long address, int len) {
        byte[] b = new byte[len];
        vm.memory.peek(address, b, 0, len);
        return b;
    }
}
