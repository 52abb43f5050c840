package io.jamboree.grandpa.internal.core;

import io.jamboree.crypto.Ed25519;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;
import java.nio.charset.StandardCharsets;

/**
 * The octets a GRANDPA vote signature covers (spec/grandpa.md §5.1, from the draft JAMNP-S PR #6):
 * {@code "jam_grandpa_vote" ++ Message Type ++ Header Hash ++ State Root ++ Slot ++ Round ++ Set Id}, 97 octets:
 * {@code [0,16)} the context, {@code [16]} the type, {@code [17,49)} header hash, {@code [49,81)} state root,
 * {@code [81,85)} slot (u32 LE), {@code [85,93)} round (u64 LE), {@code [93,97)} set id (u32 LE). Covering round
 * and set id stops a vote from being replayed in another round or set.
 */
public final class SigningPayload {
    /** The signing context, 16 ASCII octets, without a length prefix. */
    public static final byte[] CONTEXT = "jam_grandpa_vote".getBytes(StandardCharsets.US_ASCII);

    /** Octets of a payload. */
    public static final int SIZE = 97;

    private SigningPayload() {}

    /** The 97-octet payload. */
    public static byte[] of(MessageType type, Vote vote, long round, long setId) {
        byte[] out = new byte[SIZE];
        System.arraycopy(CONTEXT, 0, out, 0, 16);
        out[16] = (byte) type.code();
        System.arraycopy(vote.target().header().bytes(), 0, out, 17, 32);
        System.arraycopy(vote.target().stateRoot().bytes(), 0, out, 49, 32);
        putLe(out, 81, vote.slot(), 4);
        putLe(out, 85, round, 8);
        putLe(out, 93, setId, 4);
        return out;
    }

    /** Signs a vote with an Ed25519 secret seed (RFC 8032 private key) whose public key is {@code voter}. */
    public static SignedMessage sign(MessageType type, Vote vote, long round, long setId, byte[] secretSeed,
            Ed25519Public voter) {
        byte[] sig = Ed25519.sign(secretSeed, of(type, vote, round, setId));
        return new SignedMessage(type, vote, new Ed25519Signature(sig), voter);
    }

    /** Whether {@code m}'s signature verifies under its voter key for {@code round} and {@code setId}. */
    public static boolean verify(SignedMessage m, long round, long setId) {
        return Ed25519.verify(m.voter().bytes(), of(m.type(), m.vote(), round, setId), m.signature().bytes());
    }

    private static void putLe(byte[] b, int off, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
