/** Disputes, verdicts and judgments (GP §10, eq. 10.1–10.20). */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12). 1.1.0: Ed25519BatchVerifier.
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.jamboree.stf.disputes;
