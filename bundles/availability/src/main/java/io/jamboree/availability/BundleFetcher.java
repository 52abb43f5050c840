package io.jamboree.availability;

import io.jamboree.types.WorkReport;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The auditor's access to a work-package bundle (GP 0.7.2 §17.3, §14.4.1): from the report's guarantors (JAMNP-S
 * CE 147), else reconstructed from at least a third of the validators' chunks (CE 138); either way checked against
 * the report's erasure root before it is returned.
 */
@ProviderType
public interface BundleFetcher {
    /**
     * The audit bundle of {@code report}, of {@code report.packageSpec().length()} octets.
     *
     * @throws AvailabilityException if it cannot be had or does not check
     */
    byte[] bundle(WorkReport report) throws AvailabilityException;
}
