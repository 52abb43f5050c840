package io.jamboree.erasure.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.ErasureCodingException;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paged-proofs function {@code P} (GP 0.7.2 §14.3.1, eq. 14.10): for each page {@code i} of 64 exported
 * segments, {@code P_{W_G}(E(↕J_6(s, i), ↕L_6(s, i)))}: the constant-depth Merkle path (eq. E.5) from the segment
 * root down to the page's subtree and the page's leaf hashes (eq. E.6), zero-padded to one segment.
 */
final class PagedProofs {
    private static final int PAGE_BITS = 6;
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private PagedProofs() {}

    /** {@code P(s)}, {@code ⌈|s|/64⌉} segments of {@code W_G} octets. */
    static List<byte[]> of(ChainParams params, List<byte[]> segments) {
        int pages = (segments.size() + AvailabilitySpecifier.PAGE_SIZE - 1) / AvailabilitySpecifier.PAGE_SIZE;
        List<byte[]> out = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) {
            Encoder e = new Encoder(params.segmentSize());
            List<byte[]> path = ConstantDepthMerkle.justification(segments, i, PAGE_BITS, H);
            e.length(path.size());
            for (byte[] h : path) {
                e.bytes(h);
            }
            List<byte[]> page = ConstantDepthMerkle.leafPage(segments, i, PAGE_BITS, H);
            e.length(page.size());
            for (byte[] h : page) {
                e.bytes(h);
            }
            byte[] encoded = e.toByteArray();
            if (encoded.length > params.segmentSize()) {
                throw new ErasureCodingException("paged proof " + i + " needs " + encoded.length
                        + " octets, more than W_G");
            }
            out.add(Arrays.copyOf(encoded, params.segmentSize()));
        }
        return out;
    }
}
