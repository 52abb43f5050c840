/** Availability assurances (GP §11.2): assurance validity, newly available reports, timeouts. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf.assurances;
