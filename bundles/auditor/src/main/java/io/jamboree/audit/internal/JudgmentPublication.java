package io.jamboree.audit.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.crypto.Ed25519;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.Judgement;
import io.jamboree.types.ValidatorSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A judgment (GP 0.7.2 §17.3 eq. judgments; §10.2): validator {@code v} of the key set of epoch {@code epoch} says
 * report {@code H(w)} is valid or not, signed {@code E_{κ_v}⟨X_⊤ ⌢ H(w)⟩} or {@code E_{κ_v}⟨X_⊥ ⌢ H(w)⟩}. Published
 * over JAMNP-S CE 145:
 *
 * <pre>
 * --> Epoch Index ++ Validator Index ++ Validity ++ Work-Report Hash ++ Ed25519 Signature
 * --> Guarantee            only when Validity = 0: Slot ++ len++[Validator Index ++ Ed25519 Signature] (2 or 3)
 * </pre>
 *
 * @param epoch      the epoch index whose validator set the index refers to (a verdict's age, §10.2)
 * @param validator  {@code v}
 * @param valid      the validity
 * @param report     {@code H(w)}
 * @param signature  the Ed25519 signature
 * @param guarantee  for a negative judgment, the guarantee of the report (its slot and 2 or 3 credentials), else
 *                   null
 */
record JudgmentPublication(long epoch, int validator, boolean valid, Hash report, byte[] signature,
        Guarantee guarantee) {

    JudgmentPublication {
        if (epoch < 0 || epoch > 0xffffffffL) {
            throw new IllegalArgumentException("an epoch index is a u32, got " + epoch);
        }
        if (validator < 0 || validator > 0xffff) {
            throw new IllegalArgumentException("a validator index is a u16, got " + validator);
        }
        Objects.requireNonNull(report, "report");
        if (signature == null || signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a judgment signature is 64 octets");
        }
        signature = signature.clone();
        if (valid && guarantee != null) {
            throw new IllegalArgumentException("a positive judgment carries no guarantee");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The guarantee backing a report (JAMNP-S CE 145 {@code Guarantee}). */
    record Guarantee(long slot, List<ValidatorSignature> signatures) {
        Guarantee {
            if (slot < 0 || slot > 0xffffffffL) {
                throw new IllegalArgumentException("a slot is a u32, got " + slot);
            }
            signatures = List.copyOf(signatures);
            if (signatures.size() < 2 || signatures.size() > 3) {
                throw new IllegalArgumentException("a guarantee has 2 or 3 signatures, got " + signatures.size());
            }
        }
    }

    /** Signs a judgment on {@code report}. */
    static JudgmentPublication sign(byte[] ed25519SecretSeed, long epoch, int validator, boolean valid, Hash report,
            Guarantee guarantee) {
        byte[] sig = Ed25519.sign(ed25519SecretSeed, AuditContexts.judgmentMessage(valid, report));
        return new JudgmentPublication(epoch, validator, valid, report, sig, valid ? null : guarantee);
    }

    /** Whether the signature is the one of the validator with Ed25519 key {@code key}. */
    boolean verify(byte[] key) {
        return Ed25519.verify(key, AuditContexts.judgmentMessage(valid, report), signature);
    }

    /** The judgment as it goes into a verdict (GP §10.2). */
    Judgement toJudgement() {
        return new Judgement(valid, validator, new Ed25519Signature(signature));
    }

    /** The first message. */
    byte[] encodeFirst() {
        Encoder e = new Encoder(4 + 2 + 1 + 32 + 64);
        e.u32(epoch).u16(validator).u8(valid ? 1 : 0);
        report.encode(e);
        e.bytes(signature);
        return e.toByteArray();
    }

    /** The second message (negative judgments only), or null. */
    byte[] encodeGuarantee() {
        if (guarantee == null) {
            return null;
        }
        Encoder e = new Encoder();
        e.u32(guarantee.slot());
        e.length(guarantee.signatures().size());
        for (ValidatorSignature s : guarantee.signatures()) {
            e.u16(s.validatorIndex());
            e.bytes(s.signature().bytes());
        }
        return e.toByteArray();
    }

    /**
     * Decodes the messages ({@code second} null when the peer sent none).
     *
     * @throws CodecException (or IllegalArgumentException) when they do not decode exactly
     */
    static JudgmentPublication decode(byte[] first, byte[] second) {
        Decoder d = new Decoder(first);
        long epoch = d.u32();
        int validator = d.u16();
        int validity = d.u8();
        if (validity > 1) {
            throw d.error("validity must be 0 or 1, got " + validity);
        }
        Hash report = Hash.decode(d);
        byte[] sig = d.bytes(Ed25519.SIGNATURE_BYTES, "judgment signature");
        d.expectEnd();
        Guarantee g = null;
        if (second != null) {
            if (validity == 1) {
                throw new CodecException("a positive judgment carries no guarantee");
            }
            Decoder x = new Decoder(second);
            long slot = x.u32();
            int n = x.length(66, "guarantee signatures");
            List<ValidatorSignature> sigs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int v = x.u16();
                sigs.add(new ValidatorSignature(v, new Ed25519Signature(x.bytes(Ed25519.SIGNATURE_BYTES, "signature"))));
            }
            x.expectEnd();
            g = new Guarantee(slot, sigs);
        }
        return new JudgmentPublication(epoch, validator, validity == 1, report, sig, g);
    }
}
