package io.jamboree.chainspec;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Objects;

/**
 * A chain specification (JIP-4 "Chainspec file"): the network's id, its bootnodes, the protocol parameters, the
 * genesis header H_0 (GP §5) and the genesis state σ_0 as serialized key-values (GP Appendix D.1, T(σ)).
 *
 * @param id          machine-readable network identifier
 * @param bootnodes   {@code <name>@<ip>:<port>} entries, {@code <name>} the JAMNP-S alternative name of the node's
 *                    Ed25519 key (may be empty)
 * @param params      the protocol parameters
 * @param genesisHeader the genesis header
 * @param genesisState  the genesis state's key-values, sorted by key
 */
public record ChainSpec(String id, List<String> bootnodes, ChainParams params, Header genesisHeader,
        List<KeyValue> genesisState) {

    public ChainSpec {
        Objects.requireNonNull(id, "id");
        bootnodes = List.copyOf(bootnodes);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(genesisHeader, "genesisHeader");
        genesisState = List.copyOf(genesisState);
    }

    /** The genesis header's serialization {@code E(H_0)} (GP Appendix C.2). */
    public byte[] genesisHeaderBytes() {
        Encoder e = new Encoder(1024);
        genesisHeader.encode(e, params);
        return e.toByteArray();
    }

    /** The genesis header hash {@code H(E(H_0))}, the parent of block 1. */
    public Hash genesisHash() {
        return new Hash(Blake2b256.hash(genesisHeaderBytes()));
    }

    /** The genesis state root {@code M_σ(σ_0)} (GP Appendix D.2), H_R of block 1. */
    public Hash genesisStateRoot() {
        return StateCodec.root(StateCodec.toMap(genesisState));
    }

    /** {@code protocol_parameters}: the encoding of {@link #params()} ({@link ProtocolParameters}). */
    public byte[] protocolParameters() {
        return ProtocolParameters.encode(params);
    }
}
