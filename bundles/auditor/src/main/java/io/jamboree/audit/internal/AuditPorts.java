package io.jamboree.audit.internal;

import io.jamboree.types.Culprit;
import io.jamboree.types.Fault;
import io.jamboree.types.Hash;
import io.jamboree.types.Verdict;
import io.jamboree.types.WorkReport;

/** What the {@link AuditEngine} talks to: the network, the re-execution of a report, the block author's pool. */
final class AuditPorts {
    private AuditPorts() {}

    /** Publication to the other auditors (JAMNP-S CE 144, CE 145). */
    interface Outbox {
        void announce(AuditAnnouncement announcement);

        void publish(JudgmentPublication judgment);

        /** A received negative judgment, forwarded to the given validators (grid neighbours, JAMNP-S CE 145). */
        void forward(JudgmentPublication judgment, int[] validators);
    }

    /** The audit proper (GP §17.3 e_n): fetch the bundle, re-execute refine, compare with the report. */
    interface ReportCheck {
        /**
         * Whether {@code report} is what its package gives on its core.
         *
         * @throws CannotAuditException when this node cannot tell (no bundle, no state): no judgment then
         */
        boolean valid(BlockAudit block, WorkReport report, Hash hash) throws CannotAuditException;
    }

    /** Disputes for the block author (GP §10.2, the disputes extrinsic). */
    interface DisputeSink {
        void verdict(Verdict verdict);

        void culprit(Culprit culprit);

        void fault(Fault fault);
    }

    /** This node cannot audit a report (it may become a no-show). */
    static final class CannotAuditException extends Exception {
        private static final long serialVersionUID = 1L;

        CannotAuditException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
