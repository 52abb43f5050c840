/** The block state transition (GP §4.1, eq. 4.5 onwards) and its subsystems. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.stf;
