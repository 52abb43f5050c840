package io.jamboree.availability;

import java.util.List;
import java.util.Objects;

/**
 * An imported segment and its justification (GP 0.7.2 §14.4, the terms S and J of eq. 14.16): the {@code W_G}
 * octets of the segment and {@code J_0(b, n)}, the constant-depth Merkle path (GP Appendix E.1.2) from the segment
 * root of its exporting package down to it, top first. Arrays are shared: treat them as read-only.
 *
 * @param segment the segment, {@code W_G} octets
 * @param proof   the 32-octet sibling hashes of its path, top first
 */
public record ImportedSegment(byte[] segment, List<byte[]> proof) {
    public ImportedSegment {
        Objects.requireNonNull(segment, "segment");
        proof = List.copyOf(proof);
    }
}
