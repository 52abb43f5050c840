package io.jamboree.accumulate.internal;

import io.jamboree.types.DeferredTransfer;
import io.jamboree.types.Hash;
import java.util.List;
import java.util.Set;

/**
 * The output 𝕆 of single-service accumulation Δ1 (GP 0.7.2 §12.2, eq. 12.18): posterior partial
 * state e, deferred transfers t, yield y (null for ∅), gas used u and provisions p.
 */
record AccumulationResult(PartialState state, List<DeferredTransfer> transfers, Hash yield, long gasUsed,
        Set<Provision> provisions) {}
