package io.jamboree.accumulate.internal;

import io.jamboree.types.Hash;
import io.jamboree.types.ServiceInfo;

/** Copy-with helpers for the account record a (GP 0.7.2 §9, eq. 9.3; {@link ServiceInfo}). */
final class AccountInfo {
    private AccountInfo() {}

    static ServiceInfo withBalance(ServiceInfo a, long balance) {
        return new ServiceInfo(a.version(), a.codeHash(), balance, a.minItemGas(), a.minMemoGas(), a.bytes(),
                a.depositOffset(), a.items(), a.creationSlot(), a.lastAccumulationSlot(), a.parentService());
    }

    /** a with a_i += di and a_o += dOctets. */
    static ServiceInfo withFootprint(ServiceInfo a, long dItems, long dOctets) {
        return new ServiceInfo(a.version(), a.codeHash(), a.balance(), a.minItemGas(), a.minMemoGas(),
                a.bytes() + dOctets, a.depositOffset(), a.items() + dItems, a.creationSlot(),
                a.lastAccumulationSlot(), a.parentService());
    }

    /** a with a_o = octets. */
    static ServiceInfo withOctets(ServiceInfo a, long octets) {
        return new ServiceInfo(a.version(), a.codeHash(), a.balance(), a.minItemGas(), a.minMemoGas(), octets,
                a.depositOffset(), a.items(), a.creationSlot(), a.lastAccumulationSlot(), a.parentService());
    }

    static ServiceInfo withCode(ServiceInfo a, Hash codeHash, long minItemGas, long minMemoGas) {
        return new ServiceInfo(a.version(), codeHash, a.balance(), minItemGas, minMemoGas, a.bytes(),
                a.depositOffset(), a.items(), a.creationSlot(), a.lastAccumulationSlot(), a.parentService());
    }

    static ServiceInfo withLastAccumulation(ServiceInfo a, long slot) {
        return new ServiceInfo(a.version(), a.codeHash(), a.balance(), a.minItemGas(), a.minMemoGas(), a.bytes(),
                a.depositOffset(), a.items(), a.creationSlot(), slot, a.parentService());
    }
}
