/**
 * Work-report guarantees (GP §11.3–11.5): guarantor assignments {@code M}/{@code M*}, report validity,
 * {@code ρ} updates, the reporters set, and the refinement part of the core and service statistics.
 */
// 1.0.0: the test-vector checker left this package for the vectors bundle (issue #12). 2.1.0: Account.of.
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.jamboree.stf.reports;
