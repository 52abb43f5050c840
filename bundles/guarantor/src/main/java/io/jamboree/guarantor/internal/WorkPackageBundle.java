package io.jamboree.guarantor.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * A work-package bundle B = E(p, X#(p_w), S#(p_w), J#(p_w)) (GP 0.7.2 §14.4.1, eq. 14.16) for packages without
 * imported segments (S and J empty): the encoded package followed by the extrinsic data of every item, concatenated
 * in order with no length prefixes (each length is in the item's extrinsic specs).
 *
 * @param pkg        the work package p
 * @param extrinsics X(w) of every item, in order
 */
public record WorkPackageBundle(WorkPackage pkg, List<List<byte[]>> extrinsics) {
    public WorkPackageBundle {
        extrinsics = List.copyOf(extrinsics);
    }

    /** The bundle's encoding. */
    public byte[] encode(ChainParams p) {
        Encoder e = new Encoder();
        pkg.encode(e, p);
        for (List<byte[]> xs : extrinsics) {
            for (byte[] x : xs) {
                e.bytes(x);
            }
        }
        return e.toByteArray();
    }

    /**
     * Decodes a bundle: the package, then as many extrinsic octets as its items' specs give.
     *
     * @throws CodecException if the bundle is malformed, imports segments, or has octets left over
     */
    public static WorkPackageBundle decode(byte[] bundle, ChainParams p) {
        Decoder d = new Decoder(bundle);
        WorkPackage pkg = WorkPackage.decode(d, p);
        List<List<byte[]>> xs = splitExtrinsics(d, pkg);
        for (WorkItem w : pkg.items()) {
            if (!w.importSegments().isEmpty()) {
                throw d.error("the bundle's package imports segments, which this node does not take in a bundle yet");
            }
        }
        d.expectEnd();
        return new WorkPackageBundle(pkg, xs);
    }

    /**
     * Splits X# (the concatenated extrinsic data, as CE 133's second message carries it) into each item's blobs.
     *
     * @throws CodecException if the data is shorter or longer than the items' specs give
     */
    public static List<List<byte[]>> splitExtrinsics(byte[] data, WorkPackage pkg) {
        Decoder d = new Decoder(data);
        List<List<byte[]>> out = splitExtrinsics(d, pkg);
        d.expectEnd();
        return out;
    }

    private static List<List<byte[]>> splitExtrinsics(Decoder d, WorkPackage pkg) {
        List<List<byte[]>> out = new ArrayList<>(pkg.items().size());
        for (WorkItem w : pkg.items()) {
            List<byte[]> xs = new ArrayList<>(w.extrinsic().size());
            for (ExtrinsicSpec s : w.extrinsic()) {
                if (s.len() > d.remaining()) {
                    throw d.error("extrinsic data of " + d.remaining() + " octets left, a spec needs " + s.len());
                }
                xs.add(d.bytes((int) s.len(), "extrinsic data"));
            }
            out.add(xs);
        }
        return out;
    }
}
