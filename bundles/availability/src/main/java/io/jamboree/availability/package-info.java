/**
 * Availability of work packages (GP 0.7.2 §14.4): guarantors hand a guaranteed package to
 * {@link io.jamboree.availability.ShardDistribution}, which keeps its erasure-coded chunks for the assurers (JAMNP-S
 * CE 137) and its bundle for the auditors (CE 147); {@link io.jamboree.availability.BundleFetcher} gives an auditor
 * the bundle of a report, {@link io.jamboree.availability.SegmentFetcher} a guarantor the segments a package imports.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.availability;
