/** Preimage integration (GP §12.4): solicited lookups, ordering, the provisioned-preimage statistics. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf.preimages;
