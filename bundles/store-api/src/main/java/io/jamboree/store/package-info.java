/** The node store: transactional tables of bytes behind a swappable service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.store;
