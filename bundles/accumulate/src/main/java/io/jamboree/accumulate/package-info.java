/** PVM invocations (GP Appendix B: Is-Authorized, Refine, Accumulate) and accumulation (GP §12). 0.2.0 adds IsAuthorization and Refinement. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.accumulate;
