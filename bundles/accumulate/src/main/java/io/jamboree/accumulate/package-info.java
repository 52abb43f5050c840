/**
 * PVM invocations (GP Appendix B: Is-Authorized, Refine, Accumulate) and accumulation (GP §12).
 * 0.2.0 adds IsAuthorization and Refinement; 1.0.0 removes AccumulateVectors (the test-vector checker is in the
 * vectors bundle, issue #12).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.jamboree.accumulate;
