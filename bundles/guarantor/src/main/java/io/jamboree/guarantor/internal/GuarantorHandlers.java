package io.jamboree.guarantor.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;

/** What the guarantor's stream handlers share: the guarantor binding and the reading of required messages. */
final class GuarantorHandlers {
    private GuarantorHandlers() {}

    /** The next message of {@code what}, a protocol violation when the peer finished instead. */
    static byte[] required(Stream s, String protocol, String what) throws Exception {
        byte[] m = s.read();
        if (m == null) {
            throw new ProtocolViolationException(protocol + ": FIN where " + what + " was expected");
        }
        return m;
    }

    /** A malformed message as a protocol violation. */
    static ProtocolViolationException malformed(String protocol, CodecException e) {
        return new ProtocolViolationException(protocol + ": malformed message: " + e.getMessage(), e);
    }
}
