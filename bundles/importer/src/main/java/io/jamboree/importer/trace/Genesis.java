package io.jamboree.importer.trace;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.Header;

/**
 * The start of a block-import trace (trace schema {@code Genesis}, file {@code genesis.bin}): a header and the
 * state it belongs to.
 */
public record Genesis(Header header, RawState state) {

    /** Decodes {@code E(header, state)} (GP App. C), the whole input. */
    public static Genesis decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        Genesis g = new Genesis(Header.decode(d, p), RawState.decode(d));
        d.expectEnd();
        return g;
    }

    /** The encoding {@link #decode} reads. */
    public byte[] encode(ChainParams p) {
        Encoder e = new Encoder(1 << 16);
        header.encode(e, p);
        state.encode(e);
        return e.toByteArray();
    }
}
