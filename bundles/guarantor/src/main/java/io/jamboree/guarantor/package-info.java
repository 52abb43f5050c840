/**
 * Guaranteeing work packages (GP 0.7.2 §11, §14): the {@link io.jamboree.guarantor.WorkReportComputation} service
 * computes Ξ(p, c), the work report of a package on a core together with its audit bundle and exported segments.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.jamboree.guarantor;
