package io.jamboree.sample.liar;

import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.types.Blob;
import io.jamboree.types.WorkDigest;
import io.jamboree.types.WorkExecResult;
import io.jamboree.types.WorkReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The falsification: in every work digest of the chosen service the refine result becomes the output
 * {@code "lie" ⌢ o} (for a successful output {@code o}; any error becomes the output {@code "lie"}). Everything else
 * of the report, and the bundle and exports, stay as computed.
 */
final class Lie {
    /** Lie about every service. */
    static final long ANY_SERVICE = -1;
    private static final byte[] PREFIX = "lie".getBytes(StandardCharsets.US_ASCII);

    private Lie() {}

    /** The falsified report, or {@code truth} itself when no digest is of {@code service}. */
    static ComputedWorkReport about(ComputedWorkReport truth, long service) {
        WorkReport r = truth.report();
        List<WorkDigest> digests = new ArrayList<>(r.results().size());
        boolean lied = false;
        for (WorkDigest d : r.results()) {
            if (service == ANY_SERVICE || d.serviceId() == service) {
                byte[] out = d.result() instanceof WorkExecResult.Ok(Blob o) ? o.bytes() : new byte[0];
                byte[] wrong = new byte[PREFIX.length + out.length];
                System.arraycopy(PREFIX, 0, wrong, 0, PREFIX.length);
                System.arraycopy(out, 0, wrong, PREFIX.length, out.length);
                digests.add(new WorkDigest(d.serviceId(), d.codeHash(), d.payloadHash(), d.accumulateGas(),
                        new WorkExecResult.Ok(new Blob(wrong)), d.refineLoad()));
                lied = true;
            } else {
                digests.add(d);
            }
        }
        if (!lied) {
            return truth;
        }
        WorkReport wrong = new WorkReport(r.packageSpec(), r.context(), r.coreIndex(), r.authorizerHash(),
                r.authGasUsed(), r.authOutput(), r.segmentRootLookup(), digests);
        return new ComputedWorkReport(wrong, truth.bundle(), truth.exports());
    }
}
