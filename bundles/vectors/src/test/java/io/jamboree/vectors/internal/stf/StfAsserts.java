package io.jamboree.vectors.internal.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import java.util.Optional;

/** Assertions over two decodings of one test case. */
final class StfAsserts {

    private StfAsserts() {}

    /** The pre-states, and the post-states, of {@code a} and {@code b} encode identically field by field. */
    static <I, S> void sameStates(StfSubsystem<I, S> s, StfSubsystem.TestCase<I, S> a, StfSubsystem.TestCase<I, S> b,
            ChainParams p) {
        assertEquals(Optional.empty(),
                StfCheck.diff("pre_state", s.fieldNames(p), s.fields(a.preState(), p), s.fields(b.preState(), p)));
        assertEquals(Optional.empty(),
                StfCheck.diff("post_state", s.fieldNames(p), s.fields(a.postState(), p), s.fields(b.postState(), p)));
    }

    /** The pre-states of {@code a} and {@code b} encode identically field by field (nothing mutated one of them). */
    static <I, S> void samePreStates(StfSubsystem<I, S> s, StfSubsystem.TestCase<I, S> a, StfSubsystem.TestCase<I, S> b,
            ChainParams p) {
        assertEquals(Optional.empty(),
                StfCheck.diff("pre_state", s.fieldNames(p), s.fields(a.preState(), p), s.fields(b.preState(), p)),
                "the prior state was mutated");
    }
}
