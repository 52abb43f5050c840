/** Bandersnatch ring commitment (gamma_z) over BLS12-381 KZG. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.bls.ring;
