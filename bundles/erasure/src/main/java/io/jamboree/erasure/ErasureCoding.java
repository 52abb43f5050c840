package io.jamboree.erasure;

import io.jamboree.core.ChainParams;

/**
 * The erasure-coding service (GP Appendix H, §H.1 encoding and recovery, §H.3 generator polynomial): the {@link ErasureCode} of a chain's protocol parameters ({@code V} shards, pieces of
 * {@code W_E} octets). Codes are cached; asking again for the same parameters is cheap. Registered with the service
 * property {@code erasure.algorithm} naming the implementation.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ErasureCoding {
    /** The service property naming the implementation, e.g. {@code additive-fft}. */
    String ALGORITHM = "erasure.algorithm";

    /** The code for {@code V = params.validatorsCount()} and {@code W_E = params.ecPieceSize()}. */
    ErasureCode code(ChainParams params);

    /**
     * The code for {@code shardCount} shards of which {@code dataShards} recover the data.
     *
     * @throws ErasureCodingException if {@code 1 ≤ dataShards < shardCount} does not hold or the field is too small
     */
    ErasureCode code(int shardCount, int dataShards);
}
