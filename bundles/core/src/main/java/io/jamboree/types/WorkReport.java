package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import java.util.List;
import java.util.Objects;

/**
 * A work report {@code R} (GP §11.1.1, eq. 11.2): availability spec s, context c, core index c, authorizer hash a,
 * authorizer gas used g, authorizer trace t, segment-root lookup l and 1..I digests d. Encoded
 * {@code s, c, c, a, g, ↕t, ↕l, ↕d} with core index and gas as general naturals (GP C.2 eq. C.27).
 * The segment-root lookup is a dictionary kept as entries in key order (GP C.1.5).
 */
public record WorkReport(AvailabilitySpec packageSpec, RefineContext context, int coreIndex, Hash authorizerHash,
        long authGasUsed, Blob authOutput, List<SegmentRootLookupItem> segmentRootLookup, List<WorkDigest> results) {
    public WorkReport {
        Objects.requireNonNull(packageSpec);
        Objects.requireNonNull(context);
        Sizes.u16(coreIndex, "core index");
        Objects.requireNonNull(authorizerHash);
        Objects.requireNonNull(authOutput);
        segmentRootLookup = List.copyOf(segmentRootLookup);
        results = List.copyOf(results);
    }

    public void encode(Encoder e, ChainParams p) {
        packageSpec.encode(e, p);
        context.encode(e, p);
        e.natural(coreIndex);
        authorizerHash.encode(e);
        e.natural(authGasUsed);
        authOutput.encode(e);
        e.varSeq(segmentRootLookup, (x, s) -> s.encode(x, p));
        Sizes.atMost(results, p.maxPackageItems(), "work digests");
        e.varSeq(results, (x, r) -> r.encode(x, p));
    }

    public static WorkReport decode(Decoder d, ChainParams p) {
        AvailabilitySpec spec = AvailabilitySpec.decode(d, p);
        RefineContext ctx = RefineContext.decode(d, p);
        int core = (int) d.natural(0xFFFF, "core index");
        Hash auth = Hash.decode(d);
        long gas = d.natural();
        Blob trace = Blob.decode(d);
        List<SegmentRootLookupItem> lookup = d.varSeq(64, "segment root lookup",
                x -> SegmentRootLookupItem.decode(x, p));
        List<WorkDigest> digests = d.varSeq(80, p.maxPackageItems(), "work digests", x -> WorkDigest.decode(x, p));
        return new WorkReport(spec, ctx, core, auth, gas, trace, lookup, digests);
    }

    /** The serialization {@code E(R)}. */
    public byte[] toBytes(ChainParams p) {
        Encoder e = new Encoder(512);
        encode(e, p);
        return e.toByteArray();
    }

    /** {@code H(E(R))}, the work-report hash. */
    public Hash hash(ChainParams p) {
        return new Hash(Blake2b256.hash(toBytes(p)));
    }
}
