package io.jamboree.erasure.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.erasure.ErasureCode;
import io.jamboree.erasure.ErasureCoding;
import io.jamboree.erasure.ErasureCodingException;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/** The {@link ErasureCoding} service by the additive FFT (GP Appendix H, the Cantor basis of H.2); caches one {@link ErasureCode} per shape. */
@Component(service = ErasureCoding.class, property = ErasureCoding.ALGORITHM + "=" + AdditiveFftErasureCoding.NAME)
public final class AdditiveFftErasureCoding implements ErasureCoding {
    /** The value of {@link ErasureCoding#ALGORITHM}. */
    public static final String NAME = "additive-fft";

    private final ConcurrentHashMap<Long, ErasureCode> codes = new ConcurrentHashMap<>();

    @Override
    public ErasureCode code(ChainParams params) {
        int piece = params.ecPieceSize();
        if (piece <= 0 || piece % 2 != 0) {
            throw new ErasureCodingException("W_E must be a positive even number of octets, got " + piece);
        }
        return code(params.validatorsCount(), piece / 2);
    }

    @Override
    public ErasureCode code(int shardCount, int dataShards) {
        long key = ((long) shardCount << 32) | (dataShards & 0xFFFFFFFFL);
        ErasureCode known = codes.get(key);
        if (known != null) {
            return known;
        }
        ErasureCode created = new AdditiveFftErasureCode(shardCount, dataShards);
        ErasureCode raced = codes.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }
}
