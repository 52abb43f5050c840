package io.jamboree.erasure;

/**
 * The erasure code of one chain configuration (GP 0.7.2 Appendix H): a systematic Reed–Solomon code over
 * {@code GF(2^16)} in the Cantor basis, taking {@link #dataShards()} words to {@link #shardCount()} words per column
 * (full: 342 → 1023; tiny: 2 → 6). A piece is {@link #pieceSize()} = {@code W_E} octets, two per data shard.
 *
 * <p>Data of {@code k} pieces becomes {@link #shardCount()} shards ({@code V}, one per validator) of {@code 2k}
 * octets each (eq. H.4, {@code C_k}); the first {@link #dataShards()} shards are the data itself, split in order.
 * Any {@link #dataShards()} distinct shards with their indices give the data back (eq. H.5, {@code R_k}).
 *
 * <p>Implementations are thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ErasureCode {
    /** {@code V}: shards produced, one per validator. */
    int shardCount();

    /** Shards needed to recover, {@code W_E / 2} (full 342, tiny 2). */
    int dataShards();

    /** {@code W_E}: octets per piece, {@code 2 ·} {@link #dataShards()}. */
    default int pieceSize() {
        return 2 * dataShards();
    }

    /**
     * {@code C_k(d)} (GP eq. H.4) for {@code d} of {@code k·W_E} octets: {@link #shardCount()} shards of {@code 2k}
     * octets. Empty data gives empty shards.
     *
     * @throws ErasureCodingException if the length is not a multiple of {@link #pieceSize()}
     */
    byte[][] encode(byte[] data);

    /**
     * {@code R_k} (GP eq. H.5): the {@code k·W_E} octets of data from at least {@link #dataShards()} shards.
     * {@code shards[j]} is the shard of index {@code indices[j]}; all shards have the same even length {@code 2k}.
     * Of more than {@link #dataShards()} shards, those of the lowest indices are used (the data shards first, which
     * need no decoding; low recovery indices need less work than high ones).
     *
     * @throws ErasureCodingException for too few shards, a repeated or out-of-range index, or unequal lengths
     */
    byte[] reconstruct(int[] indices, byte[][] shards);
}
