package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;

/**
 * One validator's activity (GP §13.1, eq. 13.2): blocks b, tickets t, preimages p, preimage octets d,
 * guarantees g and assurances a; each {@code E_4} in state (GP Appendix D.1, C(13)).
 */
public record ValidatorActivityRecord(long blocks, long tickets, long preImages, long preImagesSize, long guarantees,
        long assurances) {
    public static final ValidatorActivityRecord ZERO = new ValidatorActivityRecord(0, 0, 0, 0, 0, 0);

    public ValidatorActivityRecord {
        Sizes.u32(blocks, "blocks");
        Sizes.u32(tickets, "tickets");
        Sizes.u32(preImages, "preimages");
        Sizes.u32(preImagesSize, "preimages size");
        Sizes.u32(guarantees, "guarantees");
        Sizes.u32(assurances, "assurances");
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(blocks);
        e.u32(tickets);
        e.u32(preImages);
        e.u32(preImagesSize);
        e.u32(guarantees);
        e.u32(assurances);
    }

    public static ValidatorActivityRecord decode(Decoder d, ChainParams p) {
        return new ValidatorActivityRecord(d.u32(), d.u32(), d.u32(), d.u32(), d.u32(), d.u32());
    }
}
