/** PVM invocations (GP Appendix B) and accumulation (GP §12). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.accumulate;
