package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import java.util.Objects;

/** The block extrinsic {@code E = (E_T, E_P, E_G, E_A, E_D)} (GP §4.1, eq. 4.3), encoded per GP Appendix C.2 eq. C.16. */
public record Extrinsic(TicketsExtrinsic tickets, PreimagesExtrinsic preimages, GuaranteesExtrinsic guarantees,
        AssurancesExtrinsic assurances, DisputesExtrinsic disputes) {
    public Extrinsic {
        Objects.requireNonNull(tickets);
        Objects.requireNonNull(preimages);
        Objects.requireNonNull(guarantees);
        Objects.requireNonNull(assurances);
        Objects.requireNonNull(disputes);
    }

    public void encode(Encoder e, ChainParams p) {
        tickets.encode(e, p);
        preimages.encode(e, p);
        guarantees.encode(e, p);
        assurances.encode(e, p);
        disputes.encode(e, p);
    }

    /**
     * The extrinsic hash {@code H_X = H(E(H#(a)))} with {@code a = [E(E_T), E(E_P), g, E(E_A), E(E_D)]} and
     * {@code g = E(↕[(H(w), E_4(t), ↕a)])} over the guarantees (GP §5, eq. 5.4-5.6).
     */
    public Hash hash(ChainParams p) {
        byte[] all = new byte[5 * Hash.SIZE];
        Encoder e = new Encoder(4096);
        tickets.encode(e, p);
        System.arraycopy(Blake2b256.hash(e.toByteArray()), 0, all, 0, 32);
        e.reset();
        preimages.encode(e, p);
        System.arraycopy(Blake2b256.hash(e.toByteArray()), 0, all, 32, 32);
        e.reset();
        e.length(guarantees.guarantees().size());
        for (ReportGuarantee g : guarantees.guarantees()) {
            g.report().hash(p).encode(e);
            e.u32(g.slot());
            e.varSeq(g.signatures(), (x, s) -> s.encode(x, p));
        }
        System.arraycopy(Blake2b256.hash(e.toByteArray()), 0, all, 64, 32);
        e.reset();
        assurances.encode(e, p);
        System.arraycopy(Blake2b256.hash(e.toByteArray()), 0, all, 96, 32);
        e.reset();
        disputes.encode(e, p);
        System.arraycopy(Blake2b256.hash(e.toByteArray()), 0, all, 128, 32);
        return new Hash(Blake2b256.hash(all));
    }

    public static Extrinsic decode(Decoder d, ChainParams p) {
        return new Extrinsic(TicketsExtrinsic.decode(d, p), PreimagesExtrinsic.decode(d, p),
                GuaranteesExtrinsic.decode(d, p), AssurancesExtrinsic.decode(d, p), DisputesExtrinsic.decode(d, p));
    }
}
