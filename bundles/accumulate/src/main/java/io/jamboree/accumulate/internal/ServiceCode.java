package io.jamboree.accumulate.internal;

import io.jamboree.codec.Decoder;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Hash;

/**
 * The actual code a_c of a service (GP 0.7.2 §9.1, eq. 9.4): the preimage of its code hash must be
 * E(↕m, c), metadata then code; a_c = c, or ∅ if the preimage is missing or malformed.
 */
final class ServiceCode {
    private ServiceCode() {}

    /** a_c of service {@code id}, or null. */
    static byte[] code(ServiceAccounts accounts, long id, Hash codeHash) {
        return strip(accounts.item(StateKey.preimage(id, codeHash.bytes())));
    }

    /** c from a code preimage E(↕m, c), or null if {@code blob} is null or malformed. */
    static byte[] strip(byte[] blob) {
        if (blob == null) return null;
        try {
            Decoder d = new Decoder(blob);
            long m = d.natural();
            if (m > d.remaining()) return null;
            d.bytes((int) m, "metadata");
            return d.bytes(d.remaining(), "code");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
