/** Bandersnatch ring commitment (gamma_z) over BLS12-381 KZG and the ring proof layout. */
// 0.3.0: RingCommitment.exportTables, importTables, isPrepared.
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.jamboree.bls.ring;
