package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/** The guarantees extrinsic {@code E_G} of at most C guarantees (GP §11.4, eq. 11.23). */
public record GuaranteesExtrinsic(List<ReportGuarantee> guarantees) {
    public GuaranteesExtrinsic {
        guarantees = List.copyOf(guarantees);
    }

    public void encode(Encoder e, ChainParams p) {
        Sizes.atMost(guarantees, p.coresCount(), "guarantees extrinsic");
        e.varSeq(guarantees, (x, g) -> g.encode(x, p));
    }

    public static GuaranteesExtrinsic decode(Decoder d, ChainParams p) {
        return new GuaranteesExtrinsic(d.varSeq(1, p.coresCount(), "guarantees extrinsic",
                x -> ReportGuarantee.decode(x, p)));
    }
}
