package io.jamboree.author.pool;

import io.jamboree.types.AvailAssurance;
import io.jamboree.types.Culprit;
import io.jamboree.types.Fault;
import io.jamboree.types.Preimage;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.TicketEnvelope;
import io.jamboree.types.Verdict;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pools the block author fills each block's extrinsic from (GP 0.7.2 §5, eq. 5.3: E = (E_T, E_D, E_P, E_A,
 * E_G)). Submissions are checked only for what needs no chain state (form, duplicates, room); every item is checked
 * again, when a block is built, against the state that block is applied on, and items that can no longer be included
 * (stale slot or anchor, already in the state) are evicted after each imported block. The pool holds a bounded number
 * of items of each kind; thread-safe.
 */
@ProviderType
public interface ExtrinsicPool {

    /** A ticket (E_T, GP §6.7) of the current contest: its identifier is the VRF output of its ring proof. */
    Submission submitTicket(TicketEnvelope ticket);

    /** A preimage (E_P, GP §12.4); included while its service solicits it and it is not yet provided. */
    Submission submitPreimage(Preimage preimage);

    /** A guaranteed work report (E_G, GP §11.4). */
    Submission submitGuarantee(ReportGuarantee guarantee);

    /** An availability assurance (E_A, GP §11.2); included only in a block whose parent is its anchor. */
    Submission submitAssurance(AvailAssurance assurance);

    /** A judgement verdict (E_D verdicts, GP §10.2). */
    Submission submitVerdict(Verdict verdict);

    /** A culprit: a guarantor of a report judged bad (E_D culprits, GP §10.2). */
    Submission submitCulprit(Culprit culprit);

    /** A fault: a judgement against the verdict (E_D faults, GP §10.2). */
    Submission submitFault(Fault fault);

    /** The number of pooled items of every kind (tickets included). */
    int size();
}
