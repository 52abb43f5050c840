/** Validator activity statistics (GP §13.1): per-epoch accumulator and previous record, epoch rollover. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf.statistics;
