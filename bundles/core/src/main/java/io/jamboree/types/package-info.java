/**
 * Immutable records of every Graypaper 0.7.2 data type (blocks, extrinsics, work packages and reports,
 * state components), each with {@code encode(Encoder, ChainParams)} and a static
 * {@code decode(Decoder, ChainParams)} following GP Appendix C.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.types;
