package io.jamboree.audit.internal;

import io.jamboree.types.Culprit;
import io.jamboree.types.Hash;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.WorkReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What auditing needs of one imported block (GP 0.7.2 §17.3, "we consider ourselves focused on some recent block"):
 * its header hash, {@code Y(H_V)}, the prior validator set κ and its epoch, and {@code q}, the report that just
 * became available on each core (null where none did).
 *
 * @param header     H(H)
 * @param slot       H_T
 * @param entropy    {@code Y(H_V)}, the VRF output of the block's entropy source
 * @param epoch      the epoch index of κ (a judgment's and verdict's epoch)
 * @param validators κ, the block's prior validator set
 * @param reports    {@code q}: per core, the report that just became available, or null
 * @param hashes     per core, {@code H(q_c)}, or null
 * @param culprits   per report hash, the culprits its guarantee proves should it be judged bad: each guarantor's
 *                   key with its signature on {@code X_G ⌢ H(w)} (GP §10.2)
 * @param guarantees per report hash, its guarantee (slot and credentials) where known: a negative judgment carries
 *                   it (JAMNP-S CE 145)
 */
record BlockAudit(Hash header, long slot, byte[] entropy, long epoch, List<ValidatorKey> validators,
        WorkReport[] reports, Hash[] hashes, Map<Hash, List<Culprit>> culprits,
        Map<Hash, JudgmentPublication.Guarantee> guarantees) {
    BlockAudit {
        Objects.requireNonNull(header, "header");
        if (entropy == null || entropy.length != 32) {
            throw new IllegalArgumentException("Y(H_V) is 32 octets");
        }
        entropy = entropy.clone();
        validators = List.copyOf(validators);
        reports = reports.clone();
        hashes = hashes.clone();
        if (reports.length != hashes.length) {
            throw new IllegalArgumentException(reports.length + " reports, " + hashes.length + " hashes");
        }
        culprits = Map.copyOf(culprits);
        guarantees = Map.copyOf(guarantees);
    }

    @Override
    public byte[] entropy() {
        return entropy.clone();
    }

    /** Whether no report became available in the block (then it is trivially audited). */
    boolean empty() {
        for (Hash h : hashes) {
            if (h != null) {
                return false;
            }
        }
        return true;
    }

    /** The core of the report {@code h} in {@code q}, or -1. */
    int coreOf(Hash h) {
        for (int c = 0; c < hashes.length; c++) {
            if (h.equals(hashes[c])) {
                return c;
            }
        }
        return -1;
    }

    /** The validator index of the Ed25519 key {@code key} in κ, or -1. */
    int indexOf(byte[] key) {
        for (int i = 0; i < validators.size(); i++) {
            if (java.util.Arrays.equals(validators.get(i).ed25519().bytes(), key)) {
                return i;
            }
        }
        return -1;
    }
}
