package io.jamboree.audit.internal;

import io.jamboree.types.Hash;
import java.util.Objects;

/**
 * One entry {@code (c, w)} of an audit tranche {@code a_n} (GP 0.7.2 §17.3), as announced: the core and the hash of
 * the report that became available on it (JAMNP-S CE 144 {@code Core Index ++ Work-Report Hash}).
 */
record AuditItem(int core, Hash report) {
    AuditItem {
        if (core < 0 || core > 0xffff) {
            throw new IllegalArgumentException("a core index is a u16, got " + core);
        }
        Objects.requireNonNull(report, "report");
    }
}
