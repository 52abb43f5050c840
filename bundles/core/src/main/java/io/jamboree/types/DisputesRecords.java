package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;

/**
 * The disputes state {@code ψ = (ψ_G, ψ_B, ψ_W, ψ_O)} (GP §10.1, eq. 10.1): good, bad and wonky report hashes and
 * offender keys. Sets, kept here as sorted lists; encoded as four length-prefixed sequences (GP Appendix D.1, C(5)).
 */
public record DisputesRecords(List<Hash> good, List<Hash> bad, List<Hash> wonky, List<Ed25519Public> offenders) {
    public static final DisputesRecords EMPTY = new DisputesRecords(List.of(), List.of(), List.of(), List.of());

    public DisputesRecords {
        good = List.copyOf(good);
        bad = List.copyOf(bad);
        wonky = List.copyOf(wonky);
        offenders = List.copyOf(offenders);
    }

    public void encode(Encoder e, ChainParams p) {
        e.varSeq(good, (x, h) -> h.encode(x));
        e.varSeq(bad, (x, h) -> h.encode(x));
        e.varSeq(wonky, (x, h) -> h.encode(x));
        e.varSeq(offenders, (x, k) -> k.encode(x));
    }

    public static DisputesRecords decode(Decoder d, ChainParams p) {
        return new DisputesRecords(d.varSeq(32, "good reports", Hash::decode),
                d.varSeq(32, "bad reports", Hash::decode), d.varSeq(32, "wonky reports", Hash::decode),
                d.varSeq(32, "offenders", Ed25519Public::decode));
    }
}
