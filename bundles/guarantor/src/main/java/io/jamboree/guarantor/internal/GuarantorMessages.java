package io.jamboree.guarantor.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;

/**
 * The messages of JAMNP-S CE 133 (work-package submission), CE 134 (work-package sharing) and CE 146 (bundle
 * submission) that are not GP types: {@code Core Index ++ ...} heads and the sharing response.
 */
public final class GuarantorMessages {
    /** Octets of a CE 134 response: Work-Report Hash ++ Ed25519 Signature. */
    public static final int SHARE_RESPONSE_BYTES = Hash.SIZE + 64;

    /** Octets of a segment-root mapping: Work-Package Hash ++ Segments-Root. */
    static final int MAPPING_BYTES = 2 * Hash.SIZE;

    private GuarantorMessages() {}

    /** {@code Core Index ++ Work-Package} (CE 133's first message). */
    public static byte[] submission(int core, byte[] encodedPackage) {
        return new Encoder(2 + encodedPackage.length).u16(core).bytes(encodedPackage).toByteArray();
    }

    /** {@code Core Index ++ Segments-Root Mappings} with no mappings (CE 134 and CE 146 first message). */
    public static byte[] coreWithoutMappings(int core) {
        return new Encoder(3).u16(core).length(0).toByteArray();
    }

    /** The core index at the start of a first message. */
    public static int core(byte[] message) {
        if (message.length < 2) {
            throw new CodecException("a message of " + message.length + " octets has no core index");
        }
        return (message[0] & 0xff) | (message[1] & 0xff) << 8;
    }

    /**
     * The number of segment-root mappings after the core index of a CE 134/146 first message, which must be exactly
     * that long.
     */
    public static int mappings(byte[] message) {
        Decoder d = new Decoder(message);
        d.u16();
        int n = d.length(MAPPING_BYTES, "segments-root mappings");
        d.bytes(n * MAPPING_BYTES, "segments-root mappings");
        d.expectEnd();
        return n;
    }

    /** {@code Work-Report Hash ++ Ed25519 Signature} (CE 134's response). */
    public static byte[] shareResponse(GuarantorNode.ShareResponse r) {
        return new Encoder(SHARE_RESPONSE_BYTES).bytes(r.reportHash().bytes()).bytes(r.signature().bytes())
                .toByteArray();
    }

    /** Decodes a CE 134 response. */
    public static GuarantorNode.ShareResponse shareResponse(byte[] m) {
        if (m == null || m.length != SHARE_RESPONSE_BYTES) {
            throw new CodecException("a CE 134 response is " + SHARE_RESPONSE_BYTES + " octets, got "
                    + (m == null ? "FIN" : m.length));
        }
        Decoder d = new Decoder(m);
        return new GuarantorNode.ShareResponse(Hash.decode(d), Ed25519Signature.decode(d));
    }
}
