/** Disputes, verdicts and judgments (GP §10, eq. 10.1–10.20). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf.disputes;
