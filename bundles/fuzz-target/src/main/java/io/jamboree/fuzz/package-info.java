/**
 * The conformance fuzzer protocol, fuzz-proto v1 (jam-conformance {@code fuzz-v1.asn}): its messages,
 * their JAM-codec encoding (GP Appendix C) and the 4-byte little-endian length framing used on the
 * Unix domain socket. The target itself ({@code jam fuzz-target}) is private to this bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.fuzz;
