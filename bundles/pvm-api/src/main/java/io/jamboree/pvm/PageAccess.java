package io.jamboree.pvm;

/** Access right of one RAM page, the A component of 𝕄 (GP 0.7.2 §4.7): inaccessible ∅, read-only R, read-write W. */
public enum PageAccess {
    /** ∅: neither readable nor writable. */
    NONE,
    /** R: readable, not writable. */
    READ,
    /** W: readable and writable. */
    WRITE
}
