/**
 * A validator's secret keys (GP §6.3: the Bandersnatch, Ed25519 and BLS keys of a validator key {@code K}), their
 * derivation from a 32-byte seed (JIP-5), the well-known dev seeds (jam-docs "Dev Accounts") and the JAMNP-S
 * alternative name of an Ed25519 key.
 *
 * <p>{@link io.jamboree.keystore.ValidatorSecrets} holds one validator's secrets and never shows them in
 * {@code toString()}; {@link io.jamboree.keystore.DevKeys} gives the secrets and public keys of dev validator
 * {@code i}; {@link io.jamboree.keystore.AltName} the 53-character DNS name of an Ed25519 key.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.keystore;
