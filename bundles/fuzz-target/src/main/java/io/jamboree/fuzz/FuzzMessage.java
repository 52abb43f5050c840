package io.jamboree.fuzz;

import io.jamboree.importer.AncestryItem;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Objects;

/**
 * {@code Message ::= CHOICE} of fuzz-v1.asn: every message exchanged between the fuzzer and the target.
 * Encoded by {@link FuzzCodec} as the one-octet discriminant followed by the JAM encoding of the body.
 */
public sealed interface FuzzMessage {

    /** The discriminant octet of this variant on the wire. */
    int tag();

    /** The variant name as in fuzz-v1.asn, for logs and errors. */
    String kind();

    /** {@code peer-info [0]}: the handshake, sent first by the fuzzer and answered in kind. */
    record PeerInfo(int fuzzVersion, int features, Semver jamVersion, Semver appVersion, String appName)
            implements FuzzMessage {
        public PeerInfo {
            if (fuzzVersion < 0 || fuzzVersion > 255) {
                throw new IllegalArgumentException("fuzz-version " + fuzzVersion + " is not a U8");
            }
            Objects.requireNonNull(jamVersion);
            Objects.requireNonNull(appVersion);
            Objects.requireNonNull(appName);
        }

        @Override
        public int tag() {
            return FuzzCodec.PEER_INFO;
        }

        @Override
        public String kind() {
            return "peer-info";
        }
    }

    /**
     * {@code initialize [1]}: forget everything and start from {@code state}, stored exactly as given
     * under the hash of {@code header}.
     *
     * @param ancestry at most 24 ancestors of the first block to import; empty unless the session has
     *                 {@link FuzzFeatures#ANCESTRY}
     */
    record Initialize(Header header, List<KeyValue> state, List<AncestryItem> ancestry) implements FuzzMessage {
        public Initialize {
            Objects.requireNonNull(header);
            state = List.copyOf(state);
            ancestry = List.copyOf(ancestry);
            if (ancestry.size() > FuzzCodec.MAX_ANCESTRY) {
                throw new IllegalArgumentException("ancestry of " + ancestry.size() + " items exceeds " + FuzzCodec.MAX_ANCESTRY);
            }
        }

        @Override
        public int tag() {
            return FuzzCodec.INITIALIZE;
        }

        @Override
        public String kind() {
            return "initialize";
        }
    }

    /** {@code state-root [2]}: the posterior state root (GP Appendix D, M_σ), the reply to initialize and import-block. */
    record StateRoot(Hash root) implements FuzzMessage {
        public StateRoot {
            Objects.requireNonNull(root);
        }

        @Override
        public int tag() {
            return FuzzCodec.STATE_ROOT;
        }

        @Override
        public String kind() {
            return "state-root";
        }
    }

    /** {@code import-block [3]}: a block to import on top of a known parent. */
    record ImportBlock(Block block) implements FuzzMessage {
        public ImportBlock {
            Objects.requireNonNull(block);
        }

        @Override
        public int tag() {
            return FuzzCodec.IMPORT_BLOCK;
        }

        @Override
        public String kind() {
            return "import-block";
        }
    }

    /** {@code get-state [4]}: the posterior state of the block with this header hash. */
    record GetState(Hash headerHash) implements FuzzMessage {
        public GetState {
            Objects.requireNonNull(headerHash);
        }

        @Override
        public int tag() {
            return FuzzCodec.GET_STATE;
        }

        @Override
        public String kind() {
            return "get-state";
        }
    }

    /** {@code state [5]}: a whole state as key/value pairs (GP Appendix D.1). */
    record State(List<KeyValue> keyValues) implements FuzzMessage {
        public State {
            keyValues = List.copyOf(keyValues);
        }

        @Override
        public int tag() {
            return FuzzCodec.STATE;
        }

        @Override
        public String kind() {
            return "state";
        }
    }

    /** {@code error [255]}: the reply to an import-block the protocol rejects; the text is free-form debugging aid. */
    record ErrorMessage(String text) implements FuzzMessage {
        public ErrorMessage {
            Objects.requireNonNull(text);
        }

        @Override
        public int tag() {
            return FuzzCodec.ERROR;
        }

        @Override
        public String kind() {
            return "error";
        }
    }
}
