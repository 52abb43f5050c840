package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.types.ExtrinsicSpec;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * A work package as a builder submits it (RPC, JAMNP-S CE 133 and CE 146; GP 0.7.2 §14.3): decoded with its extrinsic
 * data, refused with the reason when malformed, over the {@value #MAX_PACKAGE_BYTES}-octet limit before authorization
 * or, as a bundle, over {@code W_B}.
 */
final class WorkPackageIntake {
    /** The largest encoded work package accepted before authorization: 200 KiB (JAMNP-S CE 133 and CE 146). */
    static final int MAX_PACKAGE_BYTES = 200 * 1024;

    private final ChainParams params;

    WorkPackageIntake(ChainParams params) {
        this.params = params;
    }

    /**
     * Decodes a package and its extrinsic data (given per item by their specs) and refuses what cannot be guaranteed.
     *
     * @throws WorkReportException with the reason when the package is malformed, too large or its data does not fit
     */
    public WorkPackageBundle parse(byte[] encodedPackage, List<byte[]> extrinsicBlobs) {
        WorkPackage pkg = decodePackage(encodedPackage);
        List<List<byte[]>> xs = new ArrayList<>();
        int k = 0;
        for (WorkItem w : pkg.items()) {
            List<byte[]> item = new ArrayList<>();
            for (ExtrinsicSpec s : w.extrinsic()) {
                if (k >= extrinsicBlobs.size()) {
                    throw new WorkReportException("the package lists more extrinsics than the " + extrinsicBlobs.size()
                            + " given");
                }
                item.add(extrinsicBlobs.get(k++));
            }
            xs.add(item);
        }
        if (k != extrinsicBlobs.size()) {
            throw new WorkReportException(extrinsicBlobs.size() + " extrinsics given, the package lists " + k);
        }
        return checkSize(new WorkPackageBundle(pkg, xs));
    }

    /**
     * As {@link #parse(byte[], List)} with the extrinsic data concatenated, as CE 133's second message has it.
     *
     * @throws WorkReportException with the reason when the package is malformed, too large or the data does not fit
     */
    public WorkPackageBundle parse(byte[] encodedPackage, byte[] extrinsicData) {
        WorkPackage pkg = decodePackage(encodedPackage);
        try {
            return checkSize(new WorkPackageBundle(pkg, WorkPackageBundle.splitExtrinsics(extrinsicData, pkg)));
        } catch (CodecException e) {
            throw new WorkReportException("the extrinsic data does not fit the package's specs: " + e.getMessage());
        }
    }

    WorkPackage decodePackage(byte[] encodedPackage) {
        if (encodedPackage.length > MAX_PACKAGE_BYTES) {
            throw new WorkReportException("the work package is " + encodedPackage.length + " octets, over the "
                    + MAX_PACKAGE_BYTES + " accepted before authorization");
        }
        try {
            Decoder d = new Decoder(encodedPackage);
            WorkPackage pkg = WorkPackage.decode(d, params);
            d.expectEnd();
            return pkg;
        } catch (CodecException | IllegalArgumentException e) {
            throw new WorkReportException("malformed work package: " + e.getMessage());
        }
    }

    WorkPackageBundle checkSize(WorkPackageBundle b) {
        long size = b.encode(params).length;
        if (size > params.maxBundleSize()) {
            throw new WorkReportException("the work-package bundle is " + size + " octets, over W_B = "
                    + params.maxBundleSize());
        }
        return b;
    }
}
