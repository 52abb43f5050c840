package io.jamboree.accumulate.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.pvm.ArgumentInvocation;
import io.jamboree.pvm.ExitReason;
import io.jamboree.pvm.HostCallHandler;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.types.AccumulationInput;
import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The accumulate invocation Ψ_A (GP 0.7.2 Appendix B.4, eq. B.8): credits incoming transfers, looks
 * up the service code, runs it with Ψ_M at instruction 5 on the argument E(t, s, |i|), dispatching
 * host calls through the mutator F, and collapses the two implication dimensions with C.
 * One instance per invocation; not thread-safe.
 */
final class AccumulateInvocation implements HostCallHandler {
    /** Gas of every host call except transfer and log (GP B.5, B.7). */
    static final long HOST_GAS = 10;
    /** Instruction counter of the accumulate entry point (GP B.4). */
    static final int ENTRY = 5;

    final ChainParams params;
    /** H_t = τ', the block's slot. */
    final long slot;
    /** η'_0, the posterior entropy accumulator. */
    final Hash entropy;
    /** i, the accumulation inputs (transfers then operands). */
    final List<AccumulationInput> inputs;
    /** The regular dimension x. */
    Implications x;
    /** The exceptional dimension y. */
    Implications y;

    AccumulateInvocation(ChainParams params, long slot, Hash entropy, List<AccumulationInput> inputs,
            Implications x) {
        this.params = params;
        this.slot = slot;
        this.entropy = entropy;
        this.inputs = inputs;
        this.x = x;
        this.y = x.copy();
    }

    /**
     * Ψ_A(e, t, s, g, i).
     *
     * @param state e, the partial state the service sees (this call takes ownership of it)
     */
    static AccumulationResult invoke(PvmEngine engine, ChainParams p, PartialState state, long slot, Hash entropy,
            long serviceId, long gas, List<AccumulationInput> inputs) {
        ServiceInfo self = state.accounts.info(serviceId);
        if (self != null) {
            long credit = 0;
            for (AccumulationInput i : inputs) {
                if (i instanceof AccumulationInput.Transfer(DeferredTransfer t)) credit += t.amount();
            }
            if (credit != 0) {
                self = AccountInfo.withBalance(self, self.balance() + credit);
                state.accounts.putInfo(serviceId, self);
            }
        }
        byte[] preimage = self == null ? null
                : state.accounts.item(StateKey.preimage(serviceId, self.codeHash().bytes()));
        CachingEngine.ServiceProgram code = preimage == null ? null
                : CachingEngine.serviceProgram(engine, self.codeHash(), preimage);
        if (code == null || code.codeLength() < 0 || code.codeLength() > p.maxServiceCodeSize()) {
            return new AccumulationResult(state, List.of(), null, 0, java.util.Set.of());
        }
        Implications x = new Implications(serviceId, state, nextFreeId(p, state.accounts, serviceId, entropy, slot),
                new ArrayList<>(), null, new LinkedHashSet<>());
        AccumulateInvocation inv = new AccumulateInvocation(p, slot, entropy, inputs, x);
        Encoder args = new Encoder(16);
        args.natural(slot).natural(serviceId).natural(inputs.size());
        ArgumentInvocation.Result r = code.blob() == null
                ? new ArgumentInvocation.Result(0, ExitReason.PANIC, null) // Y(p, a) = ∅: Ψ_M panics (A.8)
                : ArgumentInvocation.invoke(code.program(), code.blob(), ENTRY, gas, args.toByteArray(), inv);
        return inv.collapse(r);
    }

    /** C (eq. B.8): the exceptional dimension after a panic or out-of-gas, else the regular one. */
    private AccumulationResult collapse(ArgumentInvocation.Result r) {
        if (r.exit() instanceof ExitReason.Halt) {
            Hash yield = r.output() != null && r.output().length == Hash.SIZE ? new Hash(r.output()) : x.yield;
            return new AccumulationResult(x.state, List.copyOf(x.transfers), yield, r.gasUsed(),
                    java.util.Set.copyOf(x.provisions));
        }
        return new AccumulationResult(y.state, List.copyOf(y.transfers), y.yield, r.gasUsed(),
                java.util.Set.copyOf(y.provisions));
    }

    /**
     * The initial next free id of I (eq. B.8):
     * check((E_4^-1(H(E(s, η'_0, H_t))) mod (2^32 − S − 2^8)) + S).
     */
    static long nextFreeId(ChainParams p, ServiceAccounts accounts, long serviceId, Hash entropy, long slot) {
        // E(s, η'_0, H_t): the plain E of a number is the compact natural codec (GP C.6), not E_4;
        // the fuzzer's recorded sessions (fuzz-proto-0.7.2 examples) confirm it for created services.
        Encoder e = new Encoder(50);
        e.natural(serviceId);
        entropy.encode(e);
        e.natural(slot);
        byte[] h = Blake2b256.hash(e.toByteArray());
        long v = (h[0] & 0xFFL) | (h[1] & 0xFFL) << 8 | (h[2] & 0xFFL) << 16 | (h[3] & 0xFFL) << 24;
        long s = p.minPublicServiceIndex();
        return check(p, accounts, v % ((1L << 32) - s - 256) + s);
    }

    /** check (eq. B.9): the first id from {@code i} on, in the public sequence, that is not a service. */
    static long check(ChainParams p, ServiceAccounts accounts, long i) {
        long s = p.minPublicServiceIndex();
        long mod = (1L << 32) - 256 - s;
        while (accounts.exists(i)) {
            i = (i - s + 1) % mod + s;
        }
        return i;
    }

    /** The mutator F (eq. B.8): dispatches host call {@code index}. */
    @Override
    public Outcome onHostCall(long index, PvmInstance vm) {
        if (index == Transfer.INDEX) return Transfer.call(this, vm);
        if (index == Log.INDEX) return Log.call(this, vm);
        long gas = vm.gas() - HOST_GAS;
        vm.setGas(gas);
        if (gas < 0) return Outcome.OUT_OF_GAS;
        return switch (index < 0 || index > Integer.MAX_VALUE ? -1 : (int) index) {
            case Gas.INDEX -> Gas.call(this, vm);
            case Fetch.INDEX -> Fetch.call(this, vm);
            case Lookup.INDEX -> Lookup.call(this, vm);
            case Read.INDEX -> Read.call(this, vm);
            case Write.INDEX -> Write.call(this, vm);
            case Info.INDEX -> Info.call(this, vm);
            case Bless.INDEX -> Bless.call(this, vm);
            case Assign.INDEX -> Assign.call(this, vm);
            case Designate.INDEX -> Designate.call(this, vm);
            case Checkpoint.INDEX -> Checkpoint.call(this, vm);
            case NewService.INDEX -> NewService.call(this, vm);
            case Upgrade.INDEX -> Upgrade.call(this, vm);
            case Eject.INDEX -> Eject.call(this, vm);
            case Query.INDEX -> Query.call(this, vm);
            case Solicit.INDEX -> Solicit.call(this, vm);
            case Forget.INDEX -> Forget.call(this, vm);
            case Yield.INDEX -> Yield.call(this, vm);
            case Provide.INDEX -> Provide.call(this, vm);
            default -> {
                vm.registers()[7] = HostCallResult.WHAT;
                yield Outcome.CONTINUE;
            }
        };
    }

    /** The account {@code id} as host calls see it: x_s for the service itself, else d[id] (null if none). */
    ServiceInfo account(long id) {
        return x.state.accounts.info(id);
    }

    /** Reads an item of the current regular state. */
    byte[] item(StateKey key) {
        return x.state.accounts.item(key);
    }
}
