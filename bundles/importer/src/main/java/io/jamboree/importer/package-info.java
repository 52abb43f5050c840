/** Block import: the service the fuzz target, the trace importer and the node use (GP §4.1, Υ). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.importer;
