package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import java.util.Optional;

/** Assertions over two decodings of one test case. */
final class StfAsserts {

    private StfAsserts() {}

    /** The pre-states, and the post-states, of {@code a} and {@code b} encode identically field by field. */
    static <T> void sameStates(StfSubsystem<T> s, T a, T b, ChainParams p) {
        assertEquals(Optional.empty(), StfCheck.diff("pre_state", s.fieldNames(p), s.preFields(a, p), s.preFields(b, p)));
        assertEquals(Optional.empty(),
                StfCheck.diff("post_state", s.fieldNames(p), s.postFields(a, p), s.postFields(b, p)));
    }

    /** The pre-states of {@code a} and {@code b} encode identically field by field (e.g. nothing mutated). */
    static <T> void samePreStates(StfSubsystem<T> s, T a, T b, ChainParams p) {
        assertEquals(Optional.empty(), StfCheck.diff("pre_state", s.fieldNames(p), s.preFields(a, p), s.preFields(b, p)),
                "the prior state was mutated");
    }
}
