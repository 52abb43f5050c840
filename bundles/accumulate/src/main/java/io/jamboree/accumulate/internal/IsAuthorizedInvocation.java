package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.IsAuthorizationResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.ArgumentInvocation;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.Blob;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkPackage;

/**
 * The Is-Authorized invocation Ψ_I (GP 0.7.2 Appendix B.2, eq. isauthinvocation): BAD without
 * authorization code p_c, BIG if |p_c| &gt; W_A, else Ψ_M(p_c, 0, G_I, E_2(c), F, ∅) with the host calls
 * gas and fetch (p only); every other index is WHAT; all cost 10 gas (eq. isauthorizedmutator).
 */
final class IsAuthorizedInvocation implements HostCallHandler {
    static final long HOST_GAS = 10;

    private final FetchSources fetch;

    IsAuthorizedInvocation(FetchSources fetch) {
        this.fetch = fetch;
    }

    /**
     * The authorization code p_c: with E(↕m, p_c) = Λ(δ[p_h], (p_x)_t, p_u) (GP §14.3), or null if Λ gives ∅
     * or the preimage does not decode as metadata and code.
     */
    static byte[] authCode(ServiceState services, WorkPackage pkg) {
        byte[] preimage = HistoricalLookup.lookup(services, pkg.authCodeHost(), pkg.context().lookupAnchorSlot(),
                pkg.authCodeHash().bytes());
        return ServiceCode.strip(preimage);
    }

    /** Ψ_I(p, c) with the code p_c given (null = ∅). */
    static IsAuthorizationResult invoke(PvmEngine engine, ChainParams p, byte[] authCode, WorkPackage pkg, int core) {
        if (core < 0 || core >= p.coresCount()) throw new IllegalArgumentException("core index " + core);
        if (authCode == null) return new IsAuthorizationResult(new WorkExecResult.BadCode(), 0);
        if (authCode.length > p.maxAuthCodeSize()) return new IsAuthorizationResult(new WorkExecResult.CodeOversize(), 0);
        byte[] arg = {(byte) core, (byte) (core >>> 8)};
        IsAuthorizedInvocation inv = new IsAuthorizedInvocation(FetchSources.isAuthorized(p, pkg));
        ArgumentInvocation.Result r = ArgumentInvocation.invoke(engine, authCode, 0, p.packageAuthGas(), arg, inv);
        WorkExecResult out = switch (r.exit()) {
            case ExitReason.Halt h -> new WorkExecResult.Ok(new Blob(r.output()));
            case ExitReason.OutOfGas o -> new WorkExecResult.OutOfGas();
            default -> new WorkExecResult.Panic();
        };
        return new IsAuthorizationResult(out, r.gasUsed());
    }

    /** The mutator F (eq. isauthorizedmutator). */
    @Override
    public Outcome onHostCall(long index, PvmInstance vm) {
        long gas = vm.gas() - HOST_GAS;
        vm.setGas(gas);
        if (gas < 0) return Outcome.OUT_OF_GAS;
        if (index == Gas.INDEX) return Gas.call(vm);
        if (index == Fetch.INDEX) return Fetch.call(fetch, vm);
        if (index == Log.INDEX) return Log.write("authorizer", vm); // JIP-1: WHAT, as for an unknown index
        vm.registers()[7] = HostCallResult.WHAT;
        return Outcome.CONTINUE;
    }
}
