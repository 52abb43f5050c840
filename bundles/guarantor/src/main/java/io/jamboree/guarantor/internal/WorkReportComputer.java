package io.jamboree.guarantor.internal;

import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.accumulate.IsAuthorizationResult;
import io.jamboree.accumulate.Refinement;
import io.jamboree.accumulate.RefinementResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkPackageImports;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineLoad;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Ξ(p, c), the work-report computation of GP 0.7.2 §14.4 (eq. workdigestfunction), the imported segments given by the
 * caller (fetched and checked by the guarantor, {@link WorkPackageImports}); a package that imports segments without
 * them is refused with a clear message:
 * <ul>
 *   <li>(o, u_a) = Ψ_I(p, c); ∅ (refused) unless o is a blob of at most W_R octets;</li>
 *   <li>for each item j, I(p, j): Ψ_R(c, j, p, o, S#(p_w), ℓ) with ℓ the exports of the items before it, its output
 *       replaced by ⊚ (oversize) when |r| + z &gt; W_R (z = |o| plus the earlier blob outputs), by ⊙ (bad exports)
 *       when it exported other than e_m segments, and its exports by e_m zero segments in both cases and on any
 *       error;</li>
 *   <li>the digests C(w, r, u) (eq. 14.? item-to-digest): payload hash, accumulate gas, load;</li>
 *   <li>s = A(H(p), E(p, X#(p_w), S#(p_w), J#(p_w)), ⌢ē) (GP eq. 14.17) with S the imported segments and J their justifications {@code ↕J_0}.</li>
 * </ul>
 * The PVM invocations Ψ_I and Ψ_R are the node's {@link IsAuthorization} and {@link Refinement} services.
 */
@Component(service = WorkReportComputation.class)
public final class WorkReportComputer implements WorkReportComputation {
    private final IsAuthorization authorization;
    private final Refinement refinement;
    private final AvailabilitySpecifier availability;

    @Activate
    public WorkReportComputer(@Reference IsAuthorization authorization, @Reference Refinement refinement,
            @Reference AvailabilitySpecifier availability) {
        this.authorization = authorization;
        this.refinement = refinement;
        this.availability = availability;
    }

    @Override
    public ComputedWorkReport compute(ChainParams p, ServiceState services, WorkPackage pkg,
            List<List<byte[]>> extrinsics, int core) {
        return compute(p, services, pkg, extrinsics, WorkPackageImports.NONE, core);
    }

    @Override
    public ComputedWorkReport compute(ChainParams p, ServiceState services, WorkPackage pkg,
            List<List<byte[]>> extrinsics, WorkPackageImports given, int core) {
        if (core < 0 || core >= p.coresCount()) {
            throw new WorkReportException("core " + core + " is not one of the chain's " + p.coresCount() + " cores");
        }
        List<WorkItem> items = pkg.items();
        checkExtrinsics(items, extrinsics);
        List<List<byte[]>> imports = checkImports(items, given);
        IsAuthorizationResult auth = authorization.authorize(p, services, pkg, core);
        if (!(auth.result() instanceof WorkExecResult.Ok(Blob trace))) {
            throw new WorkReportException("the package is not authorized: Ψ_I gave "
                    + auth.result().getClass().getSimpleName());
        }
        byte[] o = trace.bytes();
        int maxVar = p.maxReportVarSize();
        if (o.length > maxVar) {
            throw new WorkReportException("the authorizer trace is " + o.length + " octets, over W_R = " + maxVar);
        }
        List<WorkDigest> digests = new ArrayList<>(items.size());
        List<byte[]> exports = new ArrayList<>();
        long offset = 0;
        long z = o.length;
        for (int j = 0; j < items.size(); j++) {
            WorkItem w = items.get(j);
            RefinementResult rr = refinement.refine(p, services, core, j, pkg, o, imports, extrinsics, offset);
            WorkExecResult r = rr.result();
            List<byte[]> e = rr.exports();
            if (r instanceof WorkExecResult.Ok(Blob out) && out.bytes().length + z > maxVar) {
                r = new WorkExecResult.Oversize();
                e = zeroSegments(p, w.exportCount());
            } else if (e.size() != w.exportCount()) {
                r = new WorkExecResult.BadExports();
                e = zeroSegments(p, w.exportCount());
            } else if (!(r instanceof WorkExecResult.Ok)) {
                e = zeroSegments(p, w.exportCount());
            }
            if (r instanceof WorkExecResult.Ok(Blob out)) {
                z += out.bytes().length;
            }
            exports.addAll(e);
            offset += w.exportCount();
            long xtSize = 0;
            for (ExtrinsicSpec x : w.extrinsic()) {
                xtSize += x.len();
            }
            digests.add(new WorkDigest(w.service(), w.codeHash(), new Hash(Blake2b256.hash(w.payload().bytes())),
                    w.accumulateGasLimit(), r, new RefineLoad(rr.gasUsed(), w.importSegments().size(),
                            w.extrinsic().size(), xtSize, w.exportCount())));
        }
        byte[] encoded = encode(p, pkg);
        Encoder bundle = new Encoder();
        bundle.bytes(encoded);
        for (List<byte[]> xs : extrinsics) {
            for (byte[] x : xs) {
                bundle.bytes(x); // X#: concatenated, no length prefixes (GP §14.4)
            }
        }
        for (List<byte[]> segs : imports) {
            for (byte[] g : segs) {
                bundle.bytes(g); // S#: W_G octets each, no prefixes
            }
        }
        if (!given.isEmpty()) {
            for (List<ImportedSegment> segs : given.segments()) {
                for (ImportedSegment g : segs) {
                    bundle.length(g.proof().size()); // J#: ↕J_0 of each import
                    for (byte[] h : g.proof()) {
                        bundle.bytes(h);
                    }
                }
            }
        }
        byte[] b = bundle.toByteArray();
        AvailabilitySpec spec = availability.spec(p, new Hash(Blake2b256.hash(encoded)), b, exports);
        Hash authorizer = new Hash(Blake2b256.hash(pkg.authCodeHash().bytes(), pkg.authorizerConfig().bytes()));
        WorkReport report = new WorkReport(spec, pkg.context(), core, authorizer, auth.gasUsed(), new Blob(o),
                given.lookup(), digests);
        return new ComputedWorkReport(report, b, exports);
    }

    /** E(p) (GP C.28). */
    static byte[] encode(ChainParams p, WorkPackage pkg) {
        Encoder e = new Encoder();
        pkg.encode(e, p);
        return e.toByteArray();
    }

    /** The imported segments of each item, as many as its import specs name, each {@code W_G} octets. */
    private static List<List<byte[]>> checkImports(List<WorkItem> items, WorkPackageImports given) {
        List<List<byte[]>> out = new ArrayList<>(items.size());
        for (int j = 0; j < items.size(); j++) {
            int n = items.get(j).importSegments().size();
            List<ImportedSegment> segs = j < given.segments().size() ? given.segments().get(j) : List.of();
            if (segs.size() != n) {
                throw new WorkReportException("work item " + j + " of service " + items.get(j).service() + " imports "
                        + n + " segments, " + segs.size() + " were fetched");
            }
            List<byte[]> data = new ArrayList<>(n);
            for (ImportedSegment g : segs) {
                data.add(g.segment());
            }
            out.add(data);
        }
        if (given.segments().size() > items.size() && !given.isEmpty()) {
            throw new WorkReportException("imports for " + given.segments().size() + " items, the package has "
                    + items.size());
        }
        return out;
    }

    private static void checkExtrinsics(List<WorkItem> items, List<List<byte[]>> extrinsics) {
        if (extrinsics.size() != items.size()) {
            throw new WorkReportException("extrinsic data for " + extrinsics.size() + " items, the package has "
                    + items.size());
        }
        for (int j = 0; j < items.size(); j++) {
            List<ExtrinsicSpec> specs = items.get(j).extrinsic();
            List<byte[]> data = extrinsics.get(j);
            if (data.size() != specs.size()) {
                throw new WorkReportException("item " + j + " lists " + specs.size() + " extrinsics, " + data.size()
                        + " given");
            }
            for (int k = 0; k < specs.size(); k++) {
                ExtrinsicSpec s = specs.get(k);
                byte[] d = data.get(k);
                if (d.length != s.len() || !Arrays.equals(Blake2b256.hash(d), s.hash().bytes())) {
                    throw new WorkReportException("item " + j + " extrinsic " + k + " does not match its hash and length");
                }
            }
        }
    }

    private static List<byte[]> zeroSegments(ChainParams p, int n) {
        return Collections.nCopies(n, new byte[p.segmentSize()]);
    }
}
