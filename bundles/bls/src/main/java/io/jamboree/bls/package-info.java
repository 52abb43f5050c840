/** BLS12-381 arithmetic, pairing and KZG. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.bls;
