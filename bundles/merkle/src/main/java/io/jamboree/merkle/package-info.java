/**
 * State keys and state merklization (GP 0.7.2 Appendix D) and general Merklization (Appendix E):
 * {@link io.jamboree.merkle.StateKey}, {@link io.jamboree.merkle.StateTrie},
 * {@link io.jamboree.merkle.StateTrieCache} (leaf memory across states),
 * {@link io.jamboree.merkle.TrieNode}, {@link io.jamboree.merkle.BinaryMerkle},
 * {@link io.jamboree.merkle.ConstantDepthMerkle} and {@link io.jamboree.merkle.MerkleMountainRange}.
 * The Fisher-Yates shuffle of Appendix F lives in {@code io.jamboree.shuffle}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.merkle;
