package io.jamboree.types;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import java.util.Objects;

/**
 * The fixed part of a service account (GP §9, eq. 9.3; state key C(255, s), GP Appendix D.1): version byte (0),
 * code hash c, balance b, min item gas g, min memo gas m, footprint octets o, gratis storage offset f, items i,
 * creation slot r, last accumulation slot a, parent p. Encoded {@code 0, c, E_8(b, g, m, o, f), E_4(i, r, a, p)}.
 */
public record ServiceInfo(int version, Hash codeHash, long balance, long minItemGas, long minMemoGas, long bytes,
        long depositOffset, long items, long creationSlot, long lastAccumulationSlot, long parentService) {
    public ServiceInfo {
        Sizes.u8(version, "version");
        Objects.requireNonNull(codeHash);
        Sizes.u32(items, "items");
        Sizes.u32(creationSlot, "creation slot");
        Sizes.u32(lastAccumulationSlot, "last accumulation slot");
        Sizes.u32(parentService, "parent service");
    }

    public void encode(Encoder e, ChainParams p) {
        e.u8(version);
        codeHash.encode(e);
        e.u64(balance);
        e.u64(minItemGas);
        e.u64(minMemoGas);
        e.u64(bytes);
        e.u64(depositOffset);
        e.u32(items);
        e.u32(creationSlot);
        e.u32(lastAccumulationSlot);
        e.u32(parentService);
    }

    public static ServiceInfo decode(Decoder d, ChainParams p) {
        return new ServiceInfo(d.u8(), Hash.decode(d), d.u64(), d.u64(), d.u64(), d.u64(), d.u64(), d.u32(), d.u32(),
                d.u32(), d.u32());
    }
}
