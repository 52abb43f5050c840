/** Recent history β = (β_H, β_B) (GP §7, eq. 7.1–7.8): recent blocks and the accumulation-output log. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf.history;
