/** Authorization pools α and queues φ (GP §8, eq. 8.1–8.3). */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12).
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jamboree.stf.authorizations;
