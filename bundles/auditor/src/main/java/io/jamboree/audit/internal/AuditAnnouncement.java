package io.jamboree.audit.internal;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.crypto.BandersnatchVrf;
import io.jamboree.crypto.Ed25519;
import io.jamboree.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An audit announcement (GP 0.7.2 §17.3 eq. announcement; JAMNP-S CE 144): validator {@code v} declares the reports
 * of block {@code header} it will audit in tranche {@code n}, signed
 * {@code S = E_{κ_v}⟨X_I ⌢ n ⌢ x_n ⌢ H(H)⟩}, with the evidence of its VRF selection.
 *
 * <pre>
 * --> Header Hash ++ Tranche ++ Announcement          Announcement = len++[Core Index ++ Work-Report Hash] ++ Ed25519 Signature
 * --> Evidence                                        tranche 0: Bandersnatch Signature s_0 (96 octets)
 *                                                     else: [Bandersnatch Signature s_n(w) ++ len++[No-Show]], one per report
 *                                                     No-Show = Validator Index ++ Announcement (of the tranche before)
 * </pre>
 *
 * @param header    {@code H(H)}, the audited block
 * @param tranche   {@code n}
 * @param items     {@code a_n}
 * @param signature the Ed25519 signature (64 octets)
 * @param evidence  the VRF evidence
 */
record AuditAnnouncement(Hash header, int tranche, List<AuditItem> items, byte[] signature, Evidence evidence) {
    /** The most reports one announcement may name (a core appears at most once). */
    static final int MAX_ITEMS = 1024;

    AuditAnnouncement {
        Objects.requireNonNull(header, "header");
        if (tranche < 0 || tranche > 255) {
            throw new IllegalArgumentException("a tranche is one octet, got " + tranche);
        }
        items = List.copyOf(items);
        if (signature == null || signature.length != Ed25519.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an announcement signature is 64 octets");
        }
        signature = signature.clone();
        Objects.requireNonNull(evidence, "evidence");
        if ((tranche == 0) != (evidence instanceof Evidence.FirstTranche)) {
            throw new IllegalArgumentException("tranche " + tranche + " with evidence " + evidence.getClass()
                    .getSimpleName());
        }
        if (evidence instanceof Evidence.Subsequent s && s.reports().size() != items.size()) {
            throw new IllegalArgumentException("tranche " + tranche + " evidence has " + s.reports().size()
                    + " entries for " + items.size() + " reports");
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The evidence of an announcement (JAMNP-S CE 144 "Evidence"). */
    sealed interface Evidence {
        /** Tranche 0: {@code s_0}. */
        record FirstTranche(byte[] vrfSignature) implements Evidence {
            public FirstTranche {
                vrfSignature = vrf(vrfSignature);
            }

            @Override
            public byte[] vrfSignature() {
                return vrfSignature.clone();
            }
        }

        /** A later tranche: one {@link ReportEvidence} per announced report, in the announcement's order. */
        record Subsequent(List<ReportEvidence> reports) implements Evidence {
            public Subsequent {
                reports = List.copyOf(reports);
            }
        }
    }

    /** The evidence of one report of a later tranche: {@code s_n(w)} and the no-shows it counts. */
    record ReportEvidence(byte[] vrfSignature, List<NoShow> noShows) {
        ReportEvidence {
            vrfSignature = vrf(vrfSignature);
            noShows = List.copyOf(noShows);
        }

        @Override
        public byte[] vrfSignature() {
            return vrfSignature.clone();
        }
    }

    /** A no-show: another validator's announcement of the tranche before, unmatched by a judgment. */
    record NoShow(int validator, List<AuditItem> items, byte[] signature) {
        NoShow {
            if (validator < 0 || validator > 0xffff) {
                throw new IllegalArgumentException("a validator index is a u16, got " + validator);
            }
            items = List.copyOf(items);
            if (signature == null || signature.length != Ed25519.SIGNATURE_BYTES) {
                throw new IllegalArgumentException("an announcement signature is 64 octets");
            }
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** Signs {@code a_n} of {@code header} with an Ed25519 secret seed. */
    static byte[] sign(byte[] ed25519SecretSeed, int tranche, List<AuditItem> items, Hash header) {
        return Ed25519.sign(ed25519SecretSeed, AuditContexts.announcementMessage(tranche, items, header));
    }

    /** Whether the signature is the one of the validator with Ed25519 key {@code key}. */
    boolean verifySignature(byte[] key) {
        return Ed25519.verify(key, AuditContexts.announcementMessage(tranche, items, header), signature);
    }

    /** {@code x_n}: {@code len ++ [E_2(c) ⌢ H(w)]}. */
    static byte[] encodeItems(List<AuditItem> items) {
        Encoder e = new Encoder(2 + 34 * items.size());
        writeItems(e, items);
        return e.toByteArray();
    }

    private static void writeItems(Encoder e, List<AuditItem> items) {
        e.length(items.size());
        for (AuditItem i : items) {
            e.u16(i.core());
            i.report().encode(e);
        }
    }

    private static List<AuditItem> readItems(Decoder d) {
        int n = d.length(34, "announced reports");
        if (n > MAX_ITEMS) {
            throw d.error("announcement names " + n + " reports, at most " + MAX_ITEMS);
        }
        List<AuditItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new AuditItem(d.u16(), Hash.decode(d)));
        }
        return out;
    }

    /** The first message: {@code Header Hash ++ Tranche ++ Announcement}. */
    byte[] encodeFirst() {
        Encoder e = new Encoder();
        header.encode(e);
        e.u8(tranche);
        writeItems(e, items);
        e.bytes(signature);
        return e.toByteArray();
    }

    /** The second message: the evidence. */
    byte[] encodeEvidence() {
        Encoder e = new Encoder();
        switch (evidence) {
            case Evidence.FirstTranche f -> e.bytes(f.vrfSignature);
            case Evidence.Subsequent s -> {
                for (ReportEvidence r : s.reports()) {
                    e.bytes(r.vrfSignature);
                    e.length(r.noShows().size());
                    for (NoShow n : r.noShows()) {
                        e.u16(n.validator());
                        writeItems(e, n.items());
                        e.bytes(n.signature);
                    }
                }
            }
        }
        return e.toByteArray();
    }

    /**
     * Decodes both messages.
     *
     * @throws CodecException (or IllegalArgumentException) when they do not decode exactly
     */
    static AuditAnnouncement decode(byte[] first, byte[] evidence) {
        Decoder d = new Decoder(first);
        Hash header = Hash.decode(d);
        int tranche = d.u8();
        List<AuditItem> items = readItems(d);
        byte[] sig = d.bytes(Ed25519.SIGNATURE_BYTES, "announcement signature");
        d.expectEnd();
        Decoder v = new Decoder(evidence);
        Evidence ev;
        if (tranche == 0) {
            ev = new Evidence.FirstTranche(v.bytes(BandersnatchVrf.IETF_SIGNATURE_BYTES, "s_0"));
        } else {
            List<ReportEvidence> reports = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                byte[] s = v.bytes(BandersnatchVrf.IETF_SIGNATURE_BYTES, "s_n(w)");
                int n = v.length(2 + 1 + 64, "no-shows");
                List<NoShow> noShows = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    int validator = v.u16();
                    List<AuditItem> its = readItems(v);
                    noShows.add(new NoShow(validator, its, v.bytes(Ed25519.SIGNATURE_BYTES, "no-show signature")));
                }
                reports.add(new ReportEvidence(s, noShows));
            }
            ev = new Evidence.Subsequent(reports);
        }
        v.expectEnd();
        return new AuditAnnouncement(header, tranche, items, sig, ev);
    }

    private static byte[] vrf(byte[] s) {
        if (s == null || s.length != BandersnatchVrf.IETF_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a Bandersnatch VRF signature is 96 octets");
        }
        return s.clone();
    }
}
