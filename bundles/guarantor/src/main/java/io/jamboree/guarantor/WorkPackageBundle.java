package io.jamboree.guarantor;

import io.jamboree.availability.ImportedSegment;
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
 * A work-package bundle B = E(p, X#(p_w), S#(p_w), J#(p_w)) (GP 0.7.2 §14.4.1, eq. 14.16): the encoded package, the
 * extrinsic data of every item concatenated in order with no length prefixes (each length is in the item's extrinsic
 * specs), the imported segments of every item ({@code W_G} octets each, no prefixes) and then each import's
 * justification {@code ↕J_0} (the only length-prefixed part).
 *
 * @param pkg        the work package p
 * @param extrinsics X(w) of every item, in order
 * @param imports    S(w) and J(w) of every item, in order (empty lists for a package that imports nothing)
 */
public record WorkPackageBundle(WorkPackage pkg, List<List<byte[]>> extrinsics, List<List<ImportedSegment>> imports) {
    public WorkPackageBundle {
        extrinsics = List.copyOf(extrinsics);
        imports = imports.stream().map(List::copyOf).toList();
    }

    /** A bundle whose imports are not fetched yet (as a builder submits a package: CE 133, CE 146, RPC). */
    public WorkPackageBundle(WorkPackage pkg, List<List<byte[]>> extrinsics) {
        this(pkg, extrinsics, List.of());
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
        for (List<ImportedSegment> is : imports) {
            for (ImportedSegment s : is) {
                e.bytes(s.segment());
            }
        }
        for (List<ImportedSegment> is : imports) {
            for (ImportedSegment s : is) {
                e.length(s.proof().size());
                for (byte[] h : s.proof()) {
                    e.bytes(h);
                }
            }
        }
        return e.toByteArray();
    }

    /**
     * Decodes a bundle: the package, then as many extrinsic octets as its items' specs give, as many segments as they
     * import and a justification for each.
     *
     * @throws CodecException if the bundle is malformed or has octets left over
     */
    public static WorkPackageBundle decode(byte[] bundle, ChainParams p) {
        Decoder d = new Decoder(bundle);
        WorkPackage pkg = WorkPackage.decode(d, p);
        List<List<byte[]>> xs = splitExtrinsics(d, pkg);
        List<List<byte[]>> segments = new ArrayList<>(pkg.items().size());
        boolean any = false;
        for (WorkItem w : pkg.items()) {
            List<byte[]> ss = new ArrayList<>(w.importSegments().size());
            for (int k = 0; k < w.importSegments().size(); k++) {
                ss.add(d.bytes(p.segmentSize(), "imported segment"));
                any = true;
            }
            segments.add(ss);
        }
        List<List<ImportedSegment>> imports = new ArrayList<>(pkg.items().size());
        for (List<byte[]> ss : segments) {
            List<ImportedSegment> is = new ArrayList<>(ss.size());
            for (byte[] s : ss) {
                int n = d.length(32, "justification");
                if (n > 32) {
                    throw d.error("a justification of " + n + " hashes");
                }
                List<byte[]> proof = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    proof.add(d.bytes(32, "justification hash"));
                }
                is.add(new ImportedSegment(s, proof));
            }
            imports.add(is);
        }
        d.expectEnd();
        return new WorkPackageBundle(pkg, xs, any ? imports : List.of());
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
