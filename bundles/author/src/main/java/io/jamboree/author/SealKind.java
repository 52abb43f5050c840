package io.jamboree.author;

/** How a block is sealed (GP §6.4): with a winning ticket (eq. 6.15) or with the fallback key (eq. 6.16). */
public enum SealKind {
    TICKET,
    FALLBACK
}
