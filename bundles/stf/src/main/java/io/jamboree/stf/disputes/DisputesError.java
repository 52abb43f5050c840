package io.jamboree.stf.disputes;

/** Disputes transition errors, named and numbered as {@code ErrorCode} in the vectors' {@code disputes.asn}. */
public enum DisputesError {
    ALREADY_JUDGED,
    BAD_VOTE_SPLIT,
    VERDICTS_NOT_SORTED_UNIQUE,
    JUDGEMENTS_NOT_SORTED_UNIQUE,
    CULPRITS_NOT_SORTED_UNIQUE,
    FAULTS_NOT_SORTED_UNIQUE,
    NOT_ENOUGH_CULPRITS,
    NOT_ENOUGH_FAULTS,
    CULPRITS_VERDICT_NOT_BAD,
    FAULT_VERDICT_WRONG,
    OFFENDER_ALREADY_REPORTED,
    BAD_JUDGEMENT_AGE,
    BAD_VALIDATOR_INDEX,
    BAD_SIGNATURE,
    BAD_GUARANTOR_KEY,
    BAD_AUDITOR_KEY;

    /** The .asn name, e.g. {@code already-judged}. */
    public String asnName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
