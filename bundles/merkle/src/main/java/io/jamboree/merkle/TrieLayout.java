package io.jamboree.merkle;

/**
 * Bit conventions of the state trie (GP 0.7.2 Appendix D.2). {@link #GRAYPAPER} is normative. The community
 * {@code trie/trie.json} vectors shipped with jam-test-vectors 0.7.2 were not regenerated for the 0.7 change of
 * {@code bits(·)} to most-significant-first and still follow the older least-significant-first convention,
 * {@link #LEGACY_LSB_FIRST}; it exists only so those vectors can be checked. The block-import traces of the same
 * release (31-octet keys, real state roots) match {@link #GRAYPAPER}.
 *
 * <table>
 *   <caption>Differences</caption>
 *   <tr><th></th><th>GRAYPAPER</th><th>LEGACY_LSB_FIRST</th></tr>
 *   <tr><td>branch first octet</td><td>{@code l[0] & 0x7f}</td><td>{@code l[0] & 0xfe}</td></tr>
 *   <tr><td>embedded leaf first octet</td><td>{@code 0x80 | |v|}</td><td>{@code 0x01 | |v| << 2}</td></tr>
 *   <tr><td>hashed leaf first octet</td><td>{@code 0xc0}</td><td>{@code 0x03}</td></tr>
 *   <tr><td>key bit {@code d}</td><td>{@code k[d/8] >> (7 − d mod 8)}</td><td>{@code k[d/8] >> (d mod 8)}</td></tr>
 * </table>
 */
public enum TrieLayout {
    /** GP 0.7.2: {@code bits(·)} most significant bit first. */
    GRAYPAPER,
    /** Pre-0.7 convention, least significant bit first (only for the legacy {@code trie.json} vectors). */
    LEGACY_LSB_FIRST
}
