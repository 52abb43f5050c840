/** Recent history β = (β_H, β_B) (GP §7, eq. 7.1–7.8): recent blocks and the accumulation-output log. */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12).
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.jamboree.stf.history;
