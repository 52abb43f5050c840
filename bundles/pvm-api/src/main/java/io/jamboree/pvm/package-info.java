/** The PVM engine service API (GP Appendix A). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package io.jamboree.pvm;
