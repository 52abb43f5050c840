package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.List;
import java.util.Objects;

/**
 * The block header {@code H} (GP §5, eq. 5.1), serialized as {@code E(E_U(H), H_S)} (GP Appendix C.2, eq. C.22-23).
 *
 * @param parent          H_P, parent header hash
 * @param parentStateRoot H_R, prior state root
 * @param extrinsicHash   H_X, extrinsic hash
 * @param slot            H_T, time slot (u32)
 * @param epochMark       H_E, epoch marker, {@code null} when absent
 * @param ticketsMark     H_W, winning-tickets marker of E tickets, {@code null} when absent
 * @param authorIndex     H_I, Bandersnatch block author index (u16)
 * @param entropySource   H_V, VRF signature providing entropy
 * @param offendersMark   H_O, Ed25519 keys of offenders
 * @param seal            H_S, the block seal
 */
public record Header(Hash parent, Hash parentStateRoot, Hash extrinsicHash, long slot, EpochMark epochMark,
        List<TicketBody> ticketsMark, int authorIndex, BandersnatchVrfSignature entropySource,
        List<Ed25519Public> offendersMark, BandersnatchVrfSignature seal) {

    public Header {
        Objects.requireNonNull(parent);
        Objects.requireNonNull(parentStateRoot);
        Objects.requireNonNull(extrinsicHash);
        Sizes.u32(slot, "slot");
        ticketsMark = ticketsMark == null ? null : List.copyOf(ticketsMark);
        Sizes.u16(authorIndex, "author index");
        Objects.requireNonNull(entropySource);
        offendersMark = List.copyOf(offendersMark);
        Objects.requireNonNull(seal);
    }

    /** The unsigned serialization {@code E_U(H)}: everything but the seal (GP eq. C.23). */
    public void encodeUnsigned(Encoder e, ChainParams p) {
        parent.encode(e);
        parentStateRoot.encode(e);
        extrinsicHash.encode(e);
        e.u32(slot);
        e.optional(epochMark, (x, m) -> m.encode(x, p));
        e.presence(ticketsMark != null);
        if (ticketsMark != null) {
            Sizes.exactly(ticketsMark, p.epochLength(), "tickets mark");
            for (TicketBody t : ticketsMark) {
                t.encode(e, p);
            }
        }
        e.u16(authorIndex);
        entropySource.encode(e);
        e.length(offendersMark.size());
        for (Ed25519Public k : offendersMark) {
            k.encode(e);
        }
    }

    public void encode(Encoder e, ChainParams p) {
        encodeUnsigned(e, p);
        seal.encode(e);
    }

    /** {@code E_U(H)} as bytes, the message of the seal. */
    public byte[] unsignedBytes(ChainParams p) {
        Encoder e = new Encoder(1024);
        encodeUnsigned(e, p);
        return e.toByteArray();
    }

    /** The header hash {@code H(E(H))} (GP §5, used as H_P of the child). */
    public Hash hash(ChainParams p) {
        Encoder e = new Encoder(1024);
        encode(e, p);
        return new Hash(io.jamboree.core.hash.Blake2b256.hash(e.toByteArray()));
    }

    public static Header decode(Decoder d, ChainParams p) {
        Hash parent = Hash.decode(d);
        Hash root = Hash.decode(d);
        Hash xt = Hash.decode(d);
        long slot = d.u32();
        EpochMark em = d.optional("epoch mark", x -> EpochMark.decode(x, p));
        List<TicketBody> tm = d.presence("tickets mark")
                ? d.fixedSeq(p.epochLength(), x -> TicketBody.decode(x, p)) : null;
        int author = d.u16();
        BandersnatchVrfSignature vrf = BandersnatchVrfSignature.decode(d);
        List<Ed25519Public> off = d.varSeq(Ed25519Public.SIZE, "offenders mark", Ed25519Public::decode);
        BandersnatchVrfSignature seal = BandersnatchVrfSignature.decode(d);
        return new Header(parent, root, xt, slot, em, tm, author, vrf, off, seal);
    }
}
