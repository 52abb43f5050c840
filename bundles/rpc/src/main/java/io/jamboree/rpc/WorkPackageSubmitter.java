package io.jamboree.rpc;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes work-packages submitted through the RPC ({@code submitWorkPackage}, JIP-2) to the guarantors currently
 * assigned to a core (GP §14.3). Provided by the bundle that talks to guarantors; the RPC uses it when registered.
 */
@ConsumerType
public interface WorkPackageSubmitter {
    /**
     * Submits an encoded work-package (GP eq. C.28) with its extrinsic data.
     *
     * @param core the core index
     * @param workPackage the encoded work-package
     * @param extrinsics the extrinsic blobs the package's items refer to
     * @throws SubmissionRefusedException if the package is refused (malformed, bad core, no guarantor reachable)
     */
    void submit(int core, byte[] workPackage, List<byte[]> extrinsics);
}
