package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * A work item {@code I} (GP §14.3, eq. 14.3): service s, code hash c, refine gas limit g, accumulate gas limit a,
 * export count e, payload y, imports i and extrinsic references x. Encoded per GP C.2 eq. C.29.
 */
public record WorkItem(long service, Hash codeHash, long refineGasLimit, long accumulateGasLimit, int exportCount,
        Blob payload, List<ImportSpec> importSegments, List<ExtrinsicSpec> extrinsic) {
    public WorkItem {
        Sizes.u32(service, "service id");
        Objects.requireNonNull(codeHash);
        Sizes.u16(exportCount, "export count");
        Objects.requireNonNull(payload);
        importSegments = List.copyOf(importSegments);
        extrinsic = List.copyOf(extrinsic);
    }

    public void encode(Encoder e, ChainParams p) {
        e.u32(service);
        codeHash.encode(e);
        e.u64(refineGasLimit);
        e.u64(accumulateGasLimit);
        e.u16(exportCount);
        payload.encode(e);
        e.varSeq(importSegments, (x, s) -> s.encode(x, p));
        e.varSeq(extrinsic, (x, s) -> s.encode(x, p));
    }

    public static WorkItem decode(Decoder d, ChainParams p) {
        return new WorkItem(d.u32(), Hash.decode(d), d.u64(), d.u64(), d.u16(), Blob.decode(d),
                d.varSeq(34, "import segments", x -> ImportSpec.decode(x, p)),
                d.varSeq(36, "extrinsic specs", x -> ExtrinsicSpec.decode(x, p)));
    }
}
