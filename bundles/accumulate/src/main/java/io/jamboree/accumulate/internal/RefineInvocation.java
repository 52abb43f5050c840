package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.RefinementResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.pvm.ArgumentInvocation;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Blob;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Refine invocation Ψ_R (GP 0.7.2 Appendix B.3, eq. refinvocation): looks up the code of work item
 * w = p_w[i] by Λ at the lookup-anchor slot (BAD if missing, BIG if over W_C), strips its metadata, runs
 * it with Ψ_M at instruction 0 on E(c, i, w_s, ↕w_y, H(p)) with gas w_g, dispatching host calls through the
 * mutator F over the context (m, e) of inner machines and exports. One instance per invocation.
 */
final class RefineInvocation implements HostCallHandler {
    /** Gas of every refine host call (GP B.3, B.6). */
    static final long HOST_GAS = 10;

    final PvmEngine engine;
    final ChainParams params;
    /** δ as of the lookup anchor. */
    final ServiceState services;
    /** w_s. */
    final long service;
    /** (p_c)_t, the lookup-anchor slot. */
    final long anchorSlot;
    /** ς, the export segment offset. */
    final long exportOffset;
    final FetchSources fetch;
    /** m, the inner machines. */
    final Map<Long, PvmGuest> machines = new HashMap<>();
    /** e, the exported segments. */
    final List<byte[]> exports = new ArrayList<>();

    RefineInvocation(PvmEngine engine, ChainParams params, ServiceState services, long service, long anchorSlot,
            long exportOffset, FetchSources fetch) {
        this.engine = engine;
        this.params = params;
        this.services = services;
        this.service = service;
        this.anchorSlot = anchorSlot;
        this.exportOffset = exportOffset;
        this.fetch = fetch;
    }

    /** Ψ_R(c, i, p, r, ī, ς) with x̄ the extrinsic data of every item of p. */
    static RefinementResult invoke(PvmEngine engine, ChainParams p, ServiceState services, int core, int index,
            WorkPackage pkg, byte[] authTrace, List<List<byte[]>> imports, List<List<byte[]>> extrinsics,
            long exportOffset) {
        if (index < 0 || index >= pkg.items().size()) {
            throw new IllegalArgumentException("work item " + index + " of " + pkg.items().size());
        }
        WorkItem w = pkg.items().get(index);
        long t = pkg.context().lookupAnchorSlot();
        byte[] preimage = HistoricalLookup.lookup(services, w.service(), t, w.codeHash().bytes());
        if (preimage == null) return new RefinementResult(new WorkExecResult.BadCode(), List.of(), 0);
        if (preimage.length > p.maxServiceCodeSize()) {
            return new RefinementResult(new WorkExecResult.CodeOversize(), List.of(), 0);
        }
        // E(↕z, c) = Λ(...): a preimage that does not decode so has no code c, treated as Λ = ∅ (BAD).
        byte[] code = ServiceCode.strip(preimage);
        if (code == null) return new RefinementResult(new WorkExecResult.BadCode(), List.of(), 0);
        Encoder e = new Encoder(64 + w.payload().bytes().length);
        Encoder pe = new Encoder(512);
        pkg.encode(pe, p);
        e.natural(core).natural(index).natural(w.service()).blob(w.payload().bytes())
                .bytes(Blake2b256.hash(pe.toByteArray()));
        FetchSources src = new FetchSources(p, pkg, new byte[32], authTrace, index, imports, extrinsics, null);
        RefineInvocation inv = new RefineInvocation(engine, p, services, w.service(), t, exportOffset, src);
        ArgumentInvocation.Result r = ArgumentInvocation.invoke(engine, code, 0, w.refineGasLimit(), e.toByteArray(),
                inv);
        return switch (r.exit()) {
            case ExitReason.Halt h -> new RefinementResult(new WorkExecResult.Ok(new Blob(r.output())),
                    List.copyOf(inv.exports), r.gasUsed());
            case ExitReason.OutOfGas o -> new RefinementResult(new WorkExecResult.OutOfGas(), List.of(), r.gasUsed());
            default -> new RefinementResult(new WorkExecResult.Panic(), List.of(), r.gasUsed());
        };
    }

    /** The mutator F (eq. refinemutator). */
    @Override
    public Outcome onHostCall(long index, PvmInstance vm) {
        long gas = vm.gas() - HOST_GAS;
        vm.setGas(gas);
        if (gas < 0) return Outcome.OUT_OF_GAS;
        return switch (index < 0 || index > Integer.MAX_VALUE ? -1 : (int) index) {
            case Gas.INDEX -> Gas.call(vm);
            case Fetch.INDEX -> Fetch.call(fetch, vm);
            case HistoricalLookupCall.INDEX -> HistoricalLookupCall.call(this, vm);
            case Export.INDEX -> Export.call(this, vm);
            case Machine.INDEX -> Machine.call(this, vm);
            case Peek.INDEX -> Peek.call(this, vm);
            case Poke.INDEX -> Poke.call(this, vm);
            case Pages.INDEX -> Pages.call(this, vm);
            case Invoke.INDEX -> Invoke.call(this, vm);
            case Expunge.INDEX -> Expunge.call(this, vm);
            case Log.INDEX -> Log.write(Long.toString(service), vm); // JIP-1: WHAT, as for an unknown index
            default -> {
                vm.registers()[7] = HostCallResult.WHAT;
                yield Outcome.CONTINUE;
            }
        };
    }
}
