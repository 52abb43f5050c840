package io.jamboree.keystore;

import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.Ed25519Public;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The secrets of the validators this node runs (GP §6.3: a validator signs with the Ed25519 and Bandersnatch keys
 * of its key {@code K}). A Declarative Services component configured by PID {@value #PID}:
 * <ul>
 *   <li>{@code devValidators}: dev validator indices, {@code "I"} or {@code "I-J"} or a comma-separated list of
 *       them ({@link DevKeys});</li>
 *   <li>{@code keysDir}: a folder of key files {@code validator-<ed25519 public hex prefix>.json} written by
 *       {@code jam key generate}; empty means {@code ${jamboree.data}/keys} when the framework property
 *       {@code jamboree.data} is set. Key files readable by group or others are refused.</li>
 * </ul>
 * A node that runs no validator has an empty keystore. The configuration's properties are service properties,
 * so a launcher can wait for {@code (&(objectClass=io.jamboree.keystore.Keystore)(devValidators=0-5))}.
 */
@ProviderType
public interface Keystore {
    /** The configuration PID. */
    String PID = "io.jamboree.keystore";

    /** Every validator this node holds secrets of, dev validators first (in index order), then key files. */
    List<ValidatorSecrets> validators();

    /** The validator whose Ed25519 public key is {@code key}, if held. */
    default Optional<ValidatorSecrets> byEd25519(Ed25519Public key) {
        for (ValidatorSecrets s : validators()) {
            if (s.ed25519().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The validator whose Bandersnatch public key is {@code key}, if held. */
    default Optional<ValidatorSecrets> byBandersnatch(BandersnatchPublic key) {
        for (ValidatorSecrets s : validators()) {
            if (s.bandersnatch().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
