/** The Fisher-Yates shuffle and the numeric-sequence-from-hash function (GP 0.7.2 Appendix F). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.shuffle;
