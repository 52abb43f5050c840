/** Authorization pools α and queues φ (GP §8, eq. 8.1–8.3). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf.authorizations;
