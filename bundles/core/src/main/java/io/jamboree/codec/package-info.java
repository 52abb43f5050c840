/** The Graypaper serialization codec (GP Appendix C): {@link io.jamboree.codec.Encoder} and {@link io.jamboree.codec.Decoder}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.codec;
