/** Validator activity statistics (GP §13.1): per-epoch accumulator and previous record, epoch rollover. */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12).
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jamboree.stf.statistics;
