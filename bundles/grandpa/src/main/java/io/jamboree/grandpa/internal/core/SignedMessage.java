package io.jamboree.grandpa.internal.core;

import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;
import java.util.Objects;

/**
 * A signed GRANDPA message (spec/grandpa.md §5.1 {@code Signed Message = Message ++ Signature ++ Ed25519 Public}):
 * the signature is over the {@link SigningPayload} of the type, the vote, the round and the set id, made with the
 * voter's validator Ed25519 key.
 *
 * @param type      prevote, precommit or primary propose
 * @param vote      the vote
 * @param signature the Ed25519 signature
 * @param voter     the voter's Ed25519 key
 */
public record SignedMessage(MessageType type, Vote vote, Ed25519Signature signature, Ed25519Public voter) {
    /** Octets of the encoding: 1 + 68 + 64 + 32. */
    public static final int SIZE = 1 + Vote.SIZE + Ed25519Signature.SIZE + Ed25519Public.SIZE;

    public SignedMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(vote, "vote");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(voter, "voter");
    }

    /** Whether the signature verifies for {@code round} and {@code setId}. */
    public boolean verify(long round, long setId) {
        return SigningPayload.verify(this, round, setId);
    }
}
