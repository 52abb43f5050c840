/** Where the unpacked public test vectors are: one rule for tests, benchmarks and the README. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.core.vectors;
