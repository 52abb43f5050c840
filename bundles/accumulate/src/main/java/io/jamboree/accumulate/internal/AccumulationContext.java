package io.jamboree.accumulate.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.Hash;

/** What every accumulation in one block shares (GP 0.7.2 §12.2): the engine, constants, τ' and η'_0. */
record AccumulationContext(PvmEngine engine, ChainParams params, long slot, Hash entropy) {}
