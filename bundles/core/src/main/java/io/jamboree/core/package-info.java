/** Shared basics of the protocol layer: byte helpers and chain parameters. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.core;
