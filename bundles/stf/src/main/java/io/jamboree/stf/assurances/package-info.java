/** Availability assurances (GP §11.2): assurance validity, newly available reports, timeouts. */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12).
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.jamboree.stf.assurances;
